/** Which database engine a connection talks to. */
export type DialectName = 'sqlite' | 'postgres';

/** Column type for opaque bytes (ciphertext) on each engine. */
export function bytesType(dialect: DialectName): 'blob' | 'bytea' {
  return dialect === 'sqlite' ? 'blob' : 'bytea';
}
