/**
 * Every limit the parser enforces, with where the number came from. Files come from strangers (a client's
 * phone, an e-mail attachment, a USB stick), so each limit exists to keep one hostile or broken file from
 * hanging the import, exhausting memory, or producing nonsense that a lawyer might trust.
 */

/**
 * 256 MiB. The bytes are held in memory two or three times while parsing (the caller's copy, the copy
 * sent to the parser process, pdf.js's stream); a 256 MiB scanned bundle is ~500 pages at 300 DPI.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Court bundles run to hundreds of pages; beyond this the file is better split before import. */
export const MAX_PAGES = 3000;

/**
 * 120 megapixels per image: room for 108 MP phone photos and A3 at 600 DPI (70 MP). Checked from the
 * header before any pixel is decoded. Most decoding streams (measured: 60000×60000 PNG resized in
 * 180 MB), but interlaced PNGs and progressive JPEGs are held whole: measured 436 MB for a 108 MP
 * progressive colour JPEG, and a 16-bit RGBA interlaced PNG needs 8 bytes a pixel. 120 MP keeps the worst
 * case under ~1 GB, inside DEFAULT_MEMORY_MB.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;

/** Longest side accepted: a phone's scrolling screenshot of a chat is ~20000 px; 30000 leaves room. */
export const MAX_IMAGE_SIDE_PX = 30_000;

/**
 * Shortest side accepted. OCR needs a text line ~20 px tall to read it at all; an image whose shorter
 * side is under 32 px cannot hold one line with its margins, so it is an icon or a tracking pixel.
 */
export const MIN_IMAGE_SIDE_PX = 32;

/** PDF pages are rendered at no more than this: OCR gains nothing above 300 DPI and time grows with area. */
export const MAX_RENDER_DPI = 300;

/**
 * A scanned PDF page is handed to OCR at its scan's own resolution (no invented pixels, 2.25× less OCR
 * work for a 200 DPI scan), but never below this: OCR accuracy falls off for smaller text, and the
 * corpus's 200 DPI scans read well.
 */
export const MIN_SCAN_DPI = 200;

/**
 * Pixel budget of one output raster: 4096² (a 64 MiB RGBA canvas). A4 at 300 DPI (8.7 MP) fits whole;
 * larger pages are scaled down. A budget of pixels rather than a cap on the longer side keeps long narrow
 * pages (receipts, scrolling screenshots) readable: A4/A3 shapes end up with a longer side of ~4000-4800 px.
 */
export const MAX_RASTER_PIXELS = 4096 * 4096;

/** No raster side beyond this, whatever the shape (canvas and OCR engines struggle past it). */
export const MAX_RASTER_SIDE = 16_384;

/**
 * Per-call time limit. Rendering the heaviest corpus page at 300 DPI took 1.2-2.5 s and a 108 MP photo
 * ~6 s on the 2-core dev machine; a minute leaves room for slow laptops while a parse that is stuck
 * is cut off in bounded time.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Memory ceiling of one parser process (V8 heap and, through a watchdog on RSS, native memory of the
 * image decoders and canvas). Measured peaks: ~300 MB rendering a scanned A4 page at 300 DPI, ~440 MB for a 108 MP
 * progressive JPEG. 1.5 GB leaves headroom on an 8 GB laptop that also runs OCR.
 */
export const DEFAULT_MEMORY_MB = 1536;

/** PNG zlib level 3: 2-3× faster than the default 6 on noisy scans (measured 377 vs 835 ms) for ~5 % more bytes. */
export const PNG_COMPRESSION_LEVEL = 3;
