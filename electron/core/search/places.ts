/**
 * Places of origin in Xinjiang under every name a case file uses for them. The Kazakh and Chinese
 * names of a county often have nothing in common (Көктоғай is 富蕴, Fuyun), Russian letters call it
 * by the Kazakh name made an adjective (Коктогайский уезд), and translations romanise either one. A
 * search for one name finds the others.
 *
 * Names are written as on paper; a trailing * marks a word start (Russian adjectives decline:
 * Нилкинский, Нилкинского). Chinese names are given without 县/市 so that both forms match.
 * Sources: the official Chinese names and pinyin, the Kazakh names used by the Kazakh-language press
 * of Xinjiang and Kazakhstan, and the Russian forms of Russian-language Kazakhstani documents.
 */
export interface Place {
  id: string;
  names: readonly string[];
}

export const PLACES: readonly Place[] = [
  { id: 'CN-XINJIANG', names: ['Шыңжаң', 'Синьцзян', 'Синьцзян*', 'Xinjiang', 'Sinkiang', 'Shynzhang', 'Shinjang', '新疆'] },
  { id: 'CN-URUMQI', names: ['Үрімжі', 'Үрімші', 'Урумчи', 'Урумчи*', 'Urumqi', 'Urumchi', 'Ürümqi', '乌鲁木齐'] },
  // Not the bare Russian «Или»: it is the word "or".
  { id: 'CN-ILI', names: ['Іле', 'Ili', 'Yili', 'Ile', '伊犁'] },
  { id: 'CN-YINING', names: ['Құлжа', 'Кульджа', 'Кульджин*', 'Ghulja', 'Gulja', 'Kulja', 'Kuldja', 'Qulja', 'Yining', '伊宁'] },
  { id: 'CN-NILKA', names: ['Нылқы', 'Нилки', 'Нилка', 'Нилкин*', 'Nilka', 'Nileke', 'Nilqa', 'Nylqy', 'Nylky', '尼勒克'] },
  { id: 'CN-XINYUAN', names: ['Күнес', 'Кюнес', 'Кунес', 'Кюнесск*', 'Künes', 'Kunes', 'Xinyuan', '新源'] },
  { id: 'CN-TEKES', names: ['Текес', 'Текесск*', 'Tekes', 'Tekesi', '特克斯'] },
  { id: 'CN-ZHAOSU', names: ['Моңғолкүре', 'Монголкуре', 'Монголкюре', 'Монгулкуре', 'Mongolkure', 'Mongolküre', 'Zhaosu', '昭苏'] },
  { id: 'CN-GONGLIU', names: ['Тоғызтарау', 'Тогузтарау', 'Токкузтара', 'Toguztarau', 'Tokkuztara', 'Toqquztara', 'Gongliu', '巩留'] },
  { id: 'CN-QAPQAL', names: ['Шапшал', 'Чапчал', 'Чапчальск*', 'Qapqal', 'Chapchal', 'Shapshal', 'Chabuchaer', '察布查尔'] },
  { id: 'CN-HUOCHENG', names: ['Қорғас', 'Хоргос', 'Коргас', 'Khorgos', 'Khorgas', 'Qorghas', 'Korgas', 'Huocheng', '霍城'] },
  { id: 'CN-KUYTUN', names: ['Күйтің', 'Куйтун', 'Kuytun', 'Kuitun', '奎屯'] },
  { id: 'CN-ALTAY', names: ['Алтай', 'Алтайск*', 'Altay', 'Altai', 'Aletai', '阿勒泰'] },
  { id: 'CN-FUYUN', names: ['Көктоғай', 'Коктогай', 'Коктогайск*', 'Фуюнь', 'Koktogay', 'Koktogai', 'Koktokay', 'Kөktoғai', 'Fuyun', '富蕴'] },
  { id: 'CN-FUHAI', names: ['Бурылтоғай', 'Бурултокай', 'Бурылтогай', 'Burultokay', 'Burultogay', 'Buryltogai', 'Fuhai', '福海'] },
  { id: 'CN-BURQIN', names: ['Бұршын', 'Бурчун', 'Буршын', 'Burqin', 'Burchun', 'Burshyn', 'Buerjin', '布尔津'] },
  { id: 'CN-QINGHE', names: ['Шіңгіл', 'Чингиль', 'Шынгыл', 'Shingil', 'Chingil', 'Qinggil', 'Qinghe', '青河'] },
  { id: 'CN-HABAHE', names: ['Қаба', 'Каба', 'Qaba', 'Kaba', 'Habahe', '哈巴河'] },
  { id: 'CN-JEMINAY', names: ['Жеменей', 'Жеминай', 'Jeminay', 'Zhemenei', 'Jimunai', '吉木乃'] },
  { id: 'CN-TACHENG', names: ['Шәуешек', 'Чугучак', 'Тачэн', 'Тарбағатай', 'Shaueshek', 'Chuguchak', 'Tacheng', 'Tarbagatai', '塔城'] },
  // Not Emin / Эмин: a search for a person of that name must not turn into a place.
  { id: 'CN-EMIN', names: ['Дөрбілжін', 'Дорбильжин', 'Dorbiljin', 'Dorbilzhin', '额敏'] },
  { id: 'CN-TOLI', names: ['Толы', 'Толи', 'Toli', 'Toly', 'Tuoli', '托里'] },
  { id: 'CN-YUMIN', names: ['Шағантоғай', 'Чагантогай', 'Shagantogai', 'Chagantogay', 'Yumin', '裕民'] },
  { id: 'CN-SHAWAN', names: ['Сауан', 'Шаван', 'Sauan', 'Shawan', '沙湾'] },
  { id: 'CN-WUSU', names: ['Шиху', 'Шихо', 'Усу', 'Shikho', 'Shihu', 'Wusu', '乌苏'] },
  { id: 'CN-HOBOKSAR', names: ['Қобықсары', 'Кобыксары', 'Kobyksary', 'Hoboksar', 'Hebukesaier', '和布克赛尔'] },
  { id: 'CN-BORTALA', names: ['Бортала', 'Bortala', 'Bole', 'Boertala', '博尔塔拉', '博乐'] },
  { id: 'CN-WENQUAN', names: ['Арасан', 'Arasan', 'Wenquan', '温泉'] },
  { id: 'CN-JINGHE', names: ['Жың', 'Jinghe', 'Zhyn', '精河'] },
  { id: 'CN-CHANGJI', names: ['Санжы', 'Санджи', 'Чанцзи', 'Sanzhy', 'Sanji', 'Changji', '昌吉'] },
  { id: 'CN-MORI', names: ['Мори', 'Mori', 'Mulei', '木垒'] },
  { id: 'CN-BARKOL', names: ['Баркөл', 'Баркуль', 'Barkol', 'Barkul', 'Balikun', '巴里坤'] },
  { id: 'CN-KARAMAY', names: ['Қарамай', 'Карамай', 'Karamay', 'Qaramay', 'Kelamayi', '克拉玛依'] },
];
