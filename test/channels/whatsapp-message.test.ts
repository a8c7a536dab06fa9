import { normalizeMessageContent, proto } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { readContent, unwrap, WRAPPERS } from '../../src/channels/whatsapp/message.js';

const text = (t: string) => ({ conversation: t });

describe('reading WhatsApp messages', () => {
  it("opens every wrapper Baileys' normalizeMessageContent opens, the same way (so this file need not load Baileys)", () => {
    for (const wrapper of WRAPPERS) {
      const message = { [wrapper]: { message: text(`inside ${wrapper}`) } };
      expect(unwrap(message)).toEqual(normalizeMessageContent(message as proto.IMessage));
      expect(readContent(message)).toEqual({ kind: 'text', text: `inside ${wrapper}` });
    }
    // Nested: a disappearing view-once message.
    const nested = { ephemeralMessage: { message: { viewOnceMessageV2: { message: { extendedTextMessage: { text: 'gmn daftar' } } } } } };
    expect(unwrap(nested)).toEqual(normalizeMessageContent(nested as proto.IMessage));
    expect(readContent(nested)).toEqual({ kind: 'text', text: 'gmn daftar' });
  });

  it('reads the new text of an edit, a tapped button or list row, and media', () => {
    expect(readContent({ protocolMessage: { type: 14, editedMessage: text('4') } })).toEqual({ kind: 'text', text: '4' });
    expect(readContent({ buttonsResponseMessage: { selectedDisplayText: 'Daftar', selectedButtonId: 'b4' } })).toEqual({ kind: 'text', text: 'Daftar' });
    expect(readContent({ templateButtonReplyMessage: { selectedDisplayText: 'Cek status' } })).toEqual({ kind: 'text', text: 'Cek status' });
    expect(readContent({ listResponseMessage: { title: 'Hitung iuran', singleSelectReply: { selectedRowId: '2' } } })).toEqual({ kind: 'text', text: 'Hitung iuran' });
    expect(readContent({ listResponseMessage: { singleSelectReply: { selectedRowId: '2' } } })).toEqual({ kind: 'text', text: '2' });
    expect(readContent({ associatedChildMessage: { message: { imageMessage: {} } } })).toEqual({ kind: 'media' });
    expect(readContent({ reactionMessage: { text: '👍' } })).toEqual({ kind: 'none' });
    expect(readContent({ protocolMessage: { type: 0 } })).toEqual({ kind: 'none' });
  });
});
