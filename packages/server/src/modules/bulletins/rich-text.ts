// A bulletin's rich text: sanitised with sanitize-html to the few elements an official document uses (no
// attributes, no links, no images, no styles), then read back as blocks for the .docx. Because the stored HTML is
// sanitiser output (well-formed, known tags only, text entity-encoded), a small tokenizer reads it faithfully.
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {},
    // Scripts, styles and the like go with their content; other unknown tags leave their text.
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  }).trim();
}

export interface Run {
  text: string;
  bold: boolean;
  italics: boolean;
  underline: boolean;
  /** A line break before the text. */
  break: boolean;
}
export type Block =
  | { kind: 'paragraph' | 'heading' | 'item'; runs: Run[] }
  | { kind: 'table'; rows: { header: boolean; cells: Run[][] }[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** The blocks of sanitised HTML, in order: paragraphs, headings, list items and tables (nested tables flattened). */
export function blocksOf(html: string): Block[] {
  const blocks: Block[] = [];
  const style = { bold: 0, italics: 0, underline: 0 };
  let runs: Run[] = [];
  let kind: 'paragraph' | 'heading' | 'item' = 'paragraph';
  let pendingBreak = false;
  let table: { header: boolean; cells: Run[][] }[] | null = null;
  let row: { header: boolean; cells: Run[][] } | null = null;
  let cell: Run[] | null = null;
  let inHead = false;

  const target = () => cell ?? runs;
  const flush = () => {
    if (runs.some((r) => r.text.trim() !== '')) blocks.push({ kind, runs });
    runs = [];
    kind = 'paragraph';
  };
  const re = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[3] !== undefined) {
      const text = decodeEntities(m[3]).replace(/\s+/g, ' ');
      if (text.trim() === '' && !pendingBreak) continue;
      target().push({
        text,
        bold: style.bold > 0,
        italics: style.italics > 0,
        underline: style.underline > 0,
        break: pendingBreak,
      });
      pendingBreak = false;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const delta = closing ? -1 : 1;
    switch (tag) {
      case 'strong':
      case 'b':
        style.bold = Math.max(0, style.bold + delta);
        break;
      case 'em':
      case 'i':
        style.italics = Math.max(0, style.italics + delta);
        break;
      case 'u':
        style.underline = Math.max(0, style.underline + delta);
        break;
      case 'br':
        pendingBreak = true;
        break;
      case 'p':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'li':
        if (cell) break;
        flush();
        if (!closing) kind = tag === 'p' ? 'paragraph' : tag === 'li' ? 'item' : 'heading';
        pendingBreak = false;
        break;
      case 'table':
        if (!closing && !table) {
          flush();
          table = [];
        } else if (closing && table && !cell) {
          if (table.length > 0) blocks.push({ kind: 'table', rows: table });
          table = null;
        }
        break;
      case 'thead':
        inHead = !closing;
        break;
      case 'tr':
        if (!table) break;
        if (!closing) row = { header: inHead, cells: [] };
        else if (row) {
          if (row.cells.length > 0) table.push(row);
          row = null;
        }
        break;
      case 'th':
      case 'td':
        if (!row) break;
        if (!closing) cell = [];
        else if (cell) {
          row.cells.push(cell);
          cell = null;
        }
        break;
      default:
        break;
    }
  }
  flush();
  if (table && table.length > 0) blocks.push({ kind: 'table', rows: table });
  return blocks;
}

/** The plain text of sanitised HTML (for search and the audit log's summary). */
export const plainText = (html: string) =>
  blocksOf(html)
    .map((b) =>
      b.kind === 'table'
        ? b.rows.map((r) => r.cells.map((c) => c.map((x) => x.text).join('')).join('\t')).join('\n')
        : b.runs.map((r) => r.text).join(''),
    )
    .join('\n');
