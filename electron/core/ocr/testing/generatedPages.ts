/**
 * Test pages made in the test: letters and notices in Chinese, Russian, Kazakh, English and Uyghur,
 * typeset with the fonts Dalel ships (resources/fonts) and degraded a little like a scan, all varied by
 * a seeded PRNG (font size, margins, line spacing, alignment, paper grey, skew, noise).
 *
 * Text is set by sharp's text input (Pango with HarfBuzz and FriBidi, inside the libvips sharp ships):
 * it joins and orders Uyghur's Arabic letters right to left. pdf-lib draws glyphs left to right without
 * bidirectional reordering, so a PDF route (pdf-lib, then pdftoppm) would print Uyghur backwards; this
 * route also needs no poppler and no files.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from '../../testing/seededRandom';

const FONTS = resolve(__dirname, '../../../../resources/fonts');
const DEJAVU = { file: resolve(FONTS, 'DejaVuSans.ttf'), family: 'DejaVu Sans' };
const DROID = { file: resolve(FONTS, 'DroidSansFallbackFull.ttf'), family: 'Droid Sans Fallback' };

export type PageScriptName = 'chinese' | 'russian' | 'kazakh' | 'english' | 'uyghur';

/** Fictional letters (names, numbers and places are invented); the first line is the letterhead. */
export const PAGE_TEXTS: Record<PageScriptName, { lines: string[]; font: typeof DEJAVU; rtl?: boolean }> = {
  chinese: {
    font: DROID,
    lines: [
      '额敏县公安局',
      '传唤通知书',
      '额公（治）传字〔2019〕第0417号',
      '努尔兰·阿斯卡尔：',
      '根据《中华人民共和国治安管理处罚法》第八十二条的规定，现通知你于二〇一九年五月十日上午九时到额敏县公安局治安大队接受询问。',
      '你的亲属古丽娜尔·努尔兰应携带本人身份证和户口簿一同前来。',
      '无正当理由拒不接受传唤的，依法强制传唤。',
      '额敏县公安局（印）',
      '二〇一九年五月三日',
    ],
  },
  russian: {
    font: DEJAVU,
    lines: [
      'МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН',
      'Департамент миграционной службы',
      'Исх. № 3-1-17/Б-1234 от 12.03.2021',
      'Гражданину Аскарулы Нурлану',
      'Рассмотрев Ваше заявление о выдаче разрешения на постоянное проживание, сообщаем, что в его удовлетворении отказано в соответствии со статьёй 49 Закона «О миграции населения».',
      'Решение может быть обжаловано в вышестоящий орган или в суд в течение одного месяца со дня его получения.',
      'Заместитель начальника департамента Турлыбеков Р. С.',
    ],
  },
  kazakh: {
    font: DEJAVU,
    lines: [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР МИНИСТРЛІГІ',
      'Көші-қон қызметі департаменті',
      'Құрметті Әйгерім Дәулетқызы!',
      'Сіздің Қазақстан Республикасында тұрақты тұруға рұқсат беру туралы өтінішіңіз қаралды.',
      'Өтінішті қанағаттандырудан бас тартылды. Шешімге бір ай ішінде жоғары тұрған органға немесе сотқа шағымдануға болады.',
      'Департамент бастығының орынбасары Тұрлыбеков Р. С.',
    ],
  },
  english: {
    font: DEJAVU,
    lines: [
      'MINISTRY OF INTERNAL AFFAIRS OF THE REPUBLIC OF KAZAKHSTAN',
      'Migration Service Department',
      'Ref. No. 3-1-17/B-1234, 12 March 2021',
      'Dear Mr Askaruly,',
      'Your application for a permanent residence permit has been considered. We regret to inform you that it has been refused under Article 49 of the Law on Migration of Population.',
      'You may appeal against this decision to a higher authority or to a court within one month of receiving it.',
      'Deputy Head of Department R. S. Turlybekov',
    ],
  },
  uyghur: {
    font: DEJAVU,
    rtl: true,
    lines: [
      'ئېمىل ناھىيەلىك ساقچى ئىدارىسى',
      'ئۇقتۇرۇش',
      'نۇرلان ئاسقار:',
      'سىز 2019-يىلى 5-ئاينىڭ 10-كۈنى سائەت توققۇزدا ناھىيەلىك ساقچى ئىدارىسىگە كېلىڭ.',
      'ئائىلە تاۋابىئاتلىرىڭىز كىملىك ۋە نوپۇس دەپتىرىنى ئېلىپ بىللە كېلىشى كېرەك.',
      'ئېمىل ناھىيەلىك ساقچى ئىدارىسى',
    ],
  },
};


const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Coverage (0–255) of a block of text set by Pango, `width` pixels wide. */
async function setText(markup: string, font: typeof DEJAVU, points: number, width: number, dpi: number, spacing: number, align: 'left' | 'centre' | 'right', justify: boolean) {
  const { data, info } = await sharp({
    text: { text: markup, font: `${font.family} ${points}`, fontfile: font.file, width, dpi, spacing, align, justify, wrap: 'word' },
  })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export interface GeneratedPage {
  /** the page as a greyscale PNG carrying its resolution */
  image: Buffer;
  /** the text printed on it, one line per paragraph */
  text: string;
  seed: number;
}

/** An A4 page at `dpi` with the script's letter on it, typeset and degraded as `seed` decides. */
export async function generatePage(script: PageScriptName, seed: number, dpi = 200): Promise<GeneratedPage> {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const { lines, font, rtl } = PAGE_TEXTS[script];
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const paper = Math.round(between(225, 250));
  const ink = Math.round(between(10, 60));
  const margin = Math.round(between(0.09, 0.14) * width);
  const points = Math.round(between(11, 14));
  const spacing = Math.round((points / 72) * dpi * between(0.35, 0.7));

  const page = Buffer.alloc(width * height, paper);
  const paint = (block: { data: Buffer; width: number; height: number }, left: number, top: number) => {
    for (let y = 0; y < block.height && top + y < height; y++) {
      for (let x = 0; x < block.width && left + x < width; x++) {
        const cover = block.data[y * block.width + x]!;
        if (cover === 0) continue;
        const i = (top + y) * width + left + x;
        page[i] = Math.min(page[i]!, Math.round(paper - ((paper - ink) * cover) / 255));
      }
    }
  };

  // Letterhead: bold and centred; body: one paragraph per line, aligned to the script's start (or justified).
  let top = Math.round(between(0.06, 0.1) * height);
  const head = await setText(`<b>${escapeMarkup(lines[0]!)}</b>`, font, points + 1, width - 2 * margin, dpi, spacing, 'centre', false);
  paint(head, margin + Math.max(0, Math.round((width - 2 * margin - head.width) / 2)), top);
  top += head.height + Math.round(between(1.5, 3) * spacing + dpi * 0.1);
  const justify = random() < 0.5;
  for (const line of lines.slice(1)) {
    // Pango aligns a right-to-left paragraph's "left" to the right (its start).
    const block = await setText(escapeMarkup(line), font, points, width - 2 * margin, dpi, spacing, 'left', justify);
    const left = rtl ? width - margin - block.width : margin;
    paint(block, Math.max(0, left), top);
    top += block.height + Math.round(between(0.4, 1.2) * spacing + dpi * 0.05);
  }

  // Scanner noise (Box–Muller), then a skew of up to a degree and a half with the paper behind.
  const sigma = between(3, 9);
  for (let i = 0; i < page.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const theta = 2 * Math.PI * random();
    page[i] = Math.max(0, Math.min(255, Math.round(page[i]! + sigma * r * Math.cos(theta))));
    if (i + 1 < page.length) page[i + 1] = Math.max(0, Math.min(255, Math.round(page[i + 1]! + sigma * r * Math.sin(theta))));
  }
  const skew = between(-1.5, 1.5);
  const image = await sharp(page, { raw: { width, height, channels: 1 } })
    .rotate(skew, { background: { r: paper, g: paper, b: paper } })
    .greyscale()
    .withMetadata({ density: dpi })
    .png()
    .toBuffer();
  return { image, text: lines.join('\n'), seed };
}
