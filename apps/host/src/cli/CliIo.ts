import { createInterface } from 'node:readline/promises';

/** What a command may touch: output streams, environment, a prompt; injectable for tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  /** Colours are on for a TTY unless NO_COLOR is set (https://no-color.org). */
  readonly color: boolean;
  /** Asks a question on the terminal; `undefined` when not interactive. */
  readonly prompt?: (question: string, options?: { secret?: boolean }) => Promise<string>;
  readonly cwd: string;
}

/** The process's real terminal. */
export function processIo(): CliIo {
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    isTTY,
    color: isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    cwd: process.cwd(),
    ...(process.stdin.isTTY
      ? {
          prompt: async (question: string, options?: { secret?: boolean }) => {
            const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
            if (options?.secret) {
              // Echo nothing while the secret is typed.
              const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
              (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
                if (s.startsWith(question)) write.call(rl, question);
              };
            }
            try {
              return (await rl.question(question)).trim();
            } finally {
              if (options?.secret) process.stdout.write('\n');
              rl.close();
            }
          },
        }
      : {}),
  };
}

/** ANSI styling that turns itself off when colours are off. */
export function paint(io: CliIo): {
  bold: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
} {
  const wrap = (code: number) => (s: string) => (io.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap(1), red: wrap(31), green: wrap(32), yellow: wrap(33), dim: wrap(2) };
}
