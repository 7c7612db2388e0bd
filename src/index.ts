// `npm start`: run the server with configuration from the environment (see serve.ts).
import { serve } from './serve'

serve(process.env).catch((err) => {
  console.error(`PULSE failed to start: ${(err as Error).message}`)
  process.exit(1)
})
