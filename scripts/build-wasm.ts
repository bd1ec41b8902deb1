/**
 * `npm run build:wasm`: assembles src/wasm/*.wat (see scripts/wasm-assemble.ts) and writes the bytes into
 * src/wasm/kernels.wasm.ts, the file the library loads. Run it after editing a .wat template.
 */
import { writeFileSync } from 'node:fs';
import { assembleKernels, FAMILIES, kernelsModuleSource } from './wasm-assemble.js';

const modules = await assembleKernels();
const target = new URL('../src/wasm/kernels.wasm.ts', import.meta.url);
writeFileSync(target, kernelsModuleSource(modules));
const sizes = FAMILIES.map((family) => `${family} ${modules[family].length}`).join(', ');
console.log(`wrote ${target.pathname} (bytes of WebAssembly per module: ${sizes})`);
