// The 'redaction' namespace, kept in its own file so features can grow without crowding zh.ts.
export const zhRedaction = {} as const;
