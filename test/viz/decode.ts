/** Decoding the pictures in tests: a PNG (pngjs) and every frame of a GIF as shown (omggif). */
import omggif from 'omggif';
import { PNG } from 'pngjs';
import type { Pixels } from './pixels.js';

export function decodePng(png: Uint8Array): Pixels {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

/** Every frame of a GIF as it is shown: each frame composed over the ones before it. */
export function decodeGif(gif: Uint8Array): { reader: omggif.GifReader; frames: Pixels[] } {
  const reader = new omggif.GifReader(gif);
  const canvas = new Uint8Array(reader.width * reader.height * 4);
  const frames: Pixels[] = [];
  for (let k = 0; k < reader.numFrames(); k++) {
    reader.decodeAndBlitFrameRGBA(k, canvas);
    frames.push({ width: reader.width, height: reader.height, data: canvas.slice() });
  }
  return { reader, frames };
}
