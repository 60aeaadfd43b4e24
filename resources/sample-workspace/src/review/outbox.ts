// Lantern's outbox: comments are stored here before they are shown as posted.
// Implements REQ-9F3TXA.
export interface QueuedComment {
  seq: number;
  noteId: string;
  noteVersion: number;
  body: string;
  writtenAt: string;
}

export class Outbox {
  private readonly items: QueuedComment[] = [];
  private nextSeq = 1;

  add(noteId: string, noteVersion: number, body: string): QueuedComment {
    const item = { seq: this.nextSeq++, noteId, noteVersion, body, writtenAt: new Date().toISOString() };
    this.items.push(item);
    return item;
  }

  pending(): readonly QueuedComment[] {
    return this.items;
  }
}
