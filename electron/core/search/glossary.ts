/**
 * The legal terms of this casework in English, Russian and Kazakh. A lawyer writing an appeal in
 * English searches "illegal border crossing" and must find the Russian verdict that says «незаконное
 * пересечение государственной границы»; a query that names one of these terms also finds the others
 * (all their words on the page, in any form), ranked as another name of the same thing.
 */
export const LEGAL_TERMS: ReadonlyArray<readonly string[]> = [
  ['illegal border crossing', 'illegal crossing of the border', 'незаконное пересечение границы', 'шекараны заңсыз кесіп'],
  ['refugee certificate', 'удостоверение беженца', 'босқын куәлігі'],
  ['refugee status', 'статус беженца', 'босқын мәртебесі'],
  ['residence permit', 'вид на жительство', 'разрешение на проживание', 'тұруға ықтиярхат', 'тұруға рұқсат'],
  ['permanent residence', 'постоянное проживание', 'тұрақты тұру'],
  ['travel document', 'проездной документ', 'жол жүру құжаты'],
  ['citizenship', 'гражданство', 'азаматтық'],
  ['stateless person', 'лицо без гражданства', 'азаматтығы жоқ адам'],
  ['identity document', 'документ удостоверяющий личность', 'жеке басты куәландыратын құжат'],
  ['family reunification', 'воссоединение семьи', 'отбасын біріктіру'],
  ['deportation', 'выдворение', 'депортация', 'елден шығарып жіберу'],
  ['asylum', 'убежище', 'баспана'],
  ['power of attorney', 'доверенность', 'сенімхат'],
  ['court decision', 'решение суда', 'сот шешімі'],
  ['sentence', 'приговор', 'үкім'],
  ['household register', 'домовая книга', 'хукоу', '户口'],
];
