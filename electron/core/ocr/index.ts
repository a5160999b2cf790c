/** Local OCR: tesseract.js workers reading pages upright and deskewed, with language data from resources/. */
export { createTesseractEngine, type TesseractEngineOptions } from './tesseractEngine';
export {
  LOW_CONFIDENCE,
  OcrFailure,
  type AngledInput,
  isOcrFailure,
  type OcrEngine,
  type OcrInput,
  type OcrOptions,
  type OcrPageResult,
  type PagePixels,
  type PageScript,
} from './ocrEngine';
export { defaultTessdataDir } from './tessdata';
