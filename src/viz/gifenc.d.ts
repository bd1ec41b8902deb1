/**
 * Types for gifenc (https://github.com/mattdesl/gifenc), which ships none: the part of its API the GIF writer uses.
 * Its ESM build (what bundlers and Vite load) has these as named exports; Node loads its CommonJS build instead, and
 * then they are all properties of the default export (see gif.ts).
 */
declare module 'gifenc' {
  /** [r, g, b] entries, 256 at most. */
  export type Palette = number[][];

  export interface FrameOptions {
    /** The global palette, on the first frame only (a palette on a later frame becomes a local table). */
    palette?: Palette;
    /** Milliseconds this frame is shown (stored in hundredths of a second). */
    delay?: number;
    /** 0: loop forever, -1: play once. */
    repeat?: number;
    transparent?: boolean;
    transparentIndex?: number;
    /** GIF disposal method; 1 keeps the frame under the next one. */
    dispose?: number;
  }

  export interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
    finish(): void;
    /** A copy of the bytes written so far. */
    bytes(): Uint8Array;
    /** The bytes written so far, as a view of the encoder's own buffer (writes go into the GIF). */
    bytesView(): Uint8Array;
  }

  export type Format = 'rgb565' | 'rgb444' | 'rgba4444';

  export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): Encoder;
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, options?: { format?: Format }): Palette;
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: Format): Uint8Array;
  const defaultExport: unknown;
  export default defaultExport;
}
