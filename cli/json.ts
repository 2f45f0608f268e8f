// The CLI's JSON lines are written with ", " and ": " separators, exactly as the documented contract
// shows them (the layout Python's json.dumps uses), so a text comparison and a parser both agree.
export function contractJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(contractJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${contractJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
