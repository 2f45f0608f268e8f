// The 'integrity' namespace, kept in its own file so features can grow without crowding zh.ts.
export const zhIntegrity = {} as const;
