// Module types for files imported as text (`with { type: 'text' }`), e.g. the SQL migrations.
declare module '*.sql' {
  const text: string
  export default text
}
