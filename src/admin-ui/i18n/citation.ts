/** Where a rule of the rulebook is written: a document, and the article in the rulebook's own shorthand. */
export interface Citation {
  readonly document?: string;
  readonly article?: string;
}

const UNIDENTIFIED = /^(article )?not identified$/;
const CHARTER_ONLY = /^not identified \(Charter art\. (\d+)\)$/;
const ARTICLE = /^(point on )?art\. ([\d-]+)(?: cl\. (\d+))?$/;

/** "art. 39 cl. 7" of the Charter as officers write it: "khoản 7 Điều 39 Điều lệ Đảng"; an article the rulebook could not place is said so. */
function vietnameseCitation(document: string, article: string | undefined): string {
  const unplaced = `${document} (chưa xác định điều, khoản)`;
  if (article === undefined || article === 'whole') return document;
  if (UNIDENTIFIED.test(article)) return unplaced;
  const charter = CHARTER_ONLY.exec(article);
  if (charter) return `${unplaced}; Điều ${charter[1]} Điều lệ Đảng`;
  const parts = ARTICLE.exec(article);
  if (!parts) return `${document}, ${article}`;
  const [, point, articles, clause] = parts;
  const place = `${clause ? `khoản ${clause} ` : ''}Điều ${articles!.replace('-', '–')} ${document}`;
  return point ? `một điểm của ${place}` : place;
}

/** A citation in the officer's language; documents keep their own (Vietnamese) titles. */
export function citationText({ document = '', article }: Citation, language: 'vi' | 'en'): string {
  if (language === 'en') return [document, article].filter(Boolean).join(', ');
  return vietnameseCitation(document.replace(/^rule before /, 'quy định trước '), article);
}
