/**
 * The few SVG-writing helpers every picture shares. Pictures are built as strings, not DOM nodes, so the same code
 * runs in Node (no DOM to emulate) and in a browser (assign to innerHTML or make a Blob), and so the output is
 * byte-for-byte deterministic: golden snapshots compare it as text.
 */

/** The font stack of every picture. Browsers pick their own sans-serif; the rasteriser maps it to DejaVu Sans. */
export const FONT_FAMILY = 'sans-serif';

/**
 * A coordinate or length as text, rounded to 2 decimals. Rounding makes the text independent of the last bits of
 * floating-point arithmetic (which can differ between platforms' Math.log) and keeps files small; 1/100 px is far
 * below what any screen or rasteriser resolves.
 */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Escapes text for element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return s;
}

/** An element: self-closing when it has no children. Children are already-serialised SVG. */
export function el(name: string, a: Attrs, ...children: string[]): string {
  const body = children.filter((c) => c !== '').join('');
  return body === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`;
}

/** A text element; `text` is escaped here. */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return `<text${attrs({ x, y, ...a })}>${esc(content)}</text>`;
}

/** The root element with a white background, so the PNG, the GIF and the browser show the same picture. */
export function svgRoot(width: number, height: number, ...children: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}"` +
    ` font-family="${FONT_FAMILY}" font-size="12">\n` +
    `<rect width="100%" height="100%" fill="#ffffff"/>\n` +
    children.filter((c) => c !== '').join('\n') +
    '\n</svg>\n'
  );
}

/**
 * The width of a label, estimated from its length (0.55 em a character, a little over DejaVu Sans' average).
 * Measuring text needs a font engine, which neither Node nor a deterministic snapshot has; an estimate is enough
 * to size a legend.
 */
export function textWidth(content: string, fontSize = 12): number {
  return content.length * fontSize * 0.55;
}
