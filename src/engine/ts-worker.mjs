/**
 * The first module of a pool's worker thread when descent runs from its TypeScript sources (vitest, tsx): it
 * registers tsx's loader in this thread, then loads the TypeScript worker module that pool.ts named in the pool's
 * workerData, and passes its task function on to tinypool. Node 20 does not honour `--import tsx` in a worker's
 * execArgv, hence this file; the built package (dist/) never uses it.
 */
import Tinypool from 'tinypool';
import { register } from 'tsx/esm/api';

register();
const { default: handler } = await import(Tinypool.workerData.file);
export default handler;
