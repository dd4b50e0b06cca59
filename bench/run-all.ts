// `pnpm bench`: runs every Koubei benchmark in turn, echoes its tables, and
// writes them all to bench/results/YYYY-MM-DD.md with the machine and the
// time they were measured on. Each benchmark prints its baseline and ratios
// itself. `pnpm bench -- sizes page` runs only the named ones.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../packages/widget/e2e/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const TSX = ['exec', 'tsx', '--conditions', 'koubei-source'];

const BENCHES: { name: string; title: string; command: string[]; cwd?: string }[] = [
  {
    name: 'sizes',
    title: 'Shipped sizes, next to peer libraries',
    command: ['node', 'packages/widget/bench/sizes.bench.mjs'],
  },
  {
    name: 'page',
    title: 'Page cost, scale and memory in headless Chromium',
    command: ['pnpm', ...TSX, 'bench/page-cost.bench.ts'],
  },
  {
    name: 'render',
    title: 'Rendering five review cards vs plain DOM',
    command: ['pnpm', ...TSX, 'bench/render-baseline.bench.ts'],
  },
  {
    name: 'core',
    title: 'Core: aggregation, ranking and paging',
    command: ['pnpm', ...TSX, 'packages/core/bench/aggregate-ratings.bench.ts'],
  },
  {
    name: 'server',
    title: 'Server under load on loopback',
    command: ['pnpm', ...TSX, 'packages/server/bench/load.bench.ts'],
  },
];

function run(command: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command.join(' ')} exited with ${code}`)),
    );
  });
}

const only = process.argv.slice(2).filter((arg) => arg !== '--');
const chosen = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
if (chosen.length === 0)
  throw new Error(
    `no benchmark named ${only.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}`,
  );

const chromium = (() => {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return `not found at ${CHROMIUM}`;
  }
})();
const started = new Date();
// Other work on the machine skews timings (sizes are unaffected): say how busy it was.
const loadAtStart = loadavg()[0]!.toFixed(2);
const sections: string[] = [];
for (const bench of chosen) {
  console.log(`\n## ${bench.title}\n`);
  const output = await run(bench.command);
  sections.push(`## ${bench.title}\n\n\`${bench.command.join(' ')}\`\n${output}`);
}

const day = started.toISOString().slice(0, 10);
const cpu = cpus();
const header = `# Koubei benchmarks, ${day}

Measured ${started.toISOString()} by \`pnpm bench\`${only.length ? ` (${only.join(', ')})` : ''} on
${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM,
Node ${process.version}, ${chromium}, ${process.platform}/${process.arch}.
Load average (1 min) ${loadAtStart} at the start and ${loadavg()[0]!.toFixed(2)} at the end.
Every table compares Koubei with a baseline measured in the same run.
`;
mkdirSync(`${root}bench/results`, { recursive: true });
const file = `${root}bench/results/${day}.md`;
writeFileSync(file, `${header}\n${sections.join('\n')}`);
console.log(`\nWrote ${file}`);
