import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface DemoProcess {
  readonly shopUrl: string;
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Everything the command printed up to "Ready". */
  readonly output: string;
  stop(): Promise<void>;
}

const DEMO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Runs the demo's start script (what `pnpm start` runs) on free loopback
 * ports with `dataDir`, and reads the URLs it prints. It builds the script
 * tag files and the developer page itself.
 */
export function startDemoProcess(dataDir: string): Promise<DemoProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=koubei-source', '--import', 'tsx', 'src/start.ts'],
    {
      cwd: DEMO_ROOT,
      // NODE_ENV: vitest sets "test", which would make Vite build development JSX.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        KOUBEI_SHOP_PORT: '0',
        KOUBEI_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The demo did not start in 180 s:\n${output}`));
    }, 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!/Ready in/.test(output)) return;
      clearTimeout(timer);
      const shopUrl = /Tea House 茶舍[^\n]*?(http:\/\/\S+?)\/\s/.exec(output)?.[1];
      const apiUrl = /Koubei API:\s+(http:\/\/\S+)/.exec(output)?.[1];
      const apiKey = /merchant API key:\s+(\S+)/.exec(output)?.[1];
      if (!shopUrl || !apiUrl || !apiKey) {
        void stop();
        reject(new Error(`Unexpected start output:\n${output}`));
        return;
      }
      child.stdout?.off('data', read);
      resolve({ shopUrl, apiUrl, apiKey, output, stop });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited (${code}) before it was ready:\n${output}`));
    });
  });
}
