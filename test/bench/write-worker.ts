// The Worker of write method (g): owns a DuckDB instance on its own file and appends the columns it is
// sent with the reference appender, off the main thread (the main thread pays the structured clone).
import { migrate } from '../../src/db/migrate'
import { type Database, openDatabase } from '../../src/db/open'
import { appendRowsByAppender } from '../helpers/append-events'

declare const self: Worker
let db: Database | undefined
let dbPath = ''

self.onmessage = async (e: MessageEvent) => {
  const { id } = e.data
  try {
    if (e.data.close) {
      db?.close()
      db = undefined
    } else {
      if (!db || dbPath !== e.data.path) {
        db?.close()
        dbPath = e.data.path
        db = await openDatabase(dbPath)
        await migrate(db.writer)
      }
      await appendRowsByAppender(db, e.data.batch.rows, e.data.batch.receivedAt)
    }
    postMessage({ id })
  } catch (err) {
    postMessage({ id, error: (err as Error).message })
  }
}
