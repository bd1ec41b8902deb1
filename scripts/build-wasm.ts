/**
 * `npm run build:wasm`: assembles src/wasm/*.wat (see scripts/wasm-assemble.ts) and writes the bytes into
 * src/wasm/kernels.wasm.ts, the file the library loads. Run it after editing a .wat template.
 */
import { writeFileSync } from 'node:fs';
import { assembleKernels, kernelsModuleSource } from './wasm-assemble.js';

const bytes = await assembleKernels();
const target = new URL('../src/wasm/kernels.wasm.ts', import.meta.url);
writeFileSync(target, kernelsModuleSource(bytes));
console.log(`wrote ${target.pathname} (${bytes.length} bytes of WebAssembly)`);
