import { serve } from './serve'
export async function runCli(argv: string[]): Promise<number> {
  await serve(process.env)
  return 0
}
