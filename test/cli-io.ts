/** The command line's input and output for a test: what it prints, line by line, with its environment. */
export function captureIO(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env }, out, err };
}
