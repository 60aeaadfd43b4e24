// Lantern's note cache. Implements REQ-7KQ2M4.
export class NoteCache {
  private readonly notes = new Map<string, { version: number; body: string; cachedAt: string }>();

  store(noteId: string, version: number, body: string): void {
    this.notes.set(noteId, { version, body, cachedAt: new Date().toISOString() });
  }

  get(noteId: string) {
    return this.notes.get(noteId) ?? null;
  }
}
