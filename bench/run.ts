/**
 * `npm run bench -- <name> [flags]`: runs one benchmark. Benchmarks print ratios against a reference measured in
 * the same run and are never part of the test suite. Without a name it lists them; an unknown name lists them
 * and exits with code 2, as does a flag the benchmark does not know.
 */
interface Benchmark {
  summary: string;
  load(): Promise<{ main(args: string[]): Promise<void> }>;
}

const benchmarks: Record<string, Benchmark> = {
  optim: {
    summary: 'Adam, AdamW and SGD steps against the memory-bandwidth floor and torch.optim  [--quick]',
    load: () => import('./optim.js'),
  },
  functions: {
    summary: 'typed-in functions: compiled valueAndGrad against hand-written TypeScript and the graph interpreter  [--quick]',
    load: () => import('./functions.js'),
  },
  train: {
    summary: 'MLP 784-256-10 training step (forward, backward, Adam) against TensorFlow.js cpu and wasm  [--quick]',
    load: () => import('./train.js'),
  },
  parallel: {
    summary: 'Adam and SGD steps on 1 and 2 threads over shared WebAssembly memory, 1e4 … 1e7: the break-even size  [--quick]',
    load: () => import('./parallel.js'),
  },
};

function list(): string {
  const width = Math.max(...Object.keys(benchmarks).map((name) => name.length));
  const lines = Object.entries(benchmarks).map(([name, b]) => `  ${name.padEnd(width)}  ${b.summary}`);
  return ['usage: npm run bench -- <name> [flags]', 'benchmarks:', ...lines].join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined) {
  console.log(list());
} else if (!Object.hasOwn(benchmarks, name)) {
  console.error(`bench: unknown benchmark ${JSON.stringify(name)}\n${list()}`);
  process.exitCode = 2;
} else {
  try {
    await (await benchmarks[name].load()).main(args);
  } catch (error) {
    // util.parseArgs rejects unknown flags with a code; report those as usage errors, rethrow the rest.
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) throw error;
    console.error(`bench ${name}: ${error.message}`);
    process.exitCode = 2;
  }
}
