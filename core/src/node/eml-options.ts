import { z } from 'zod';

const MB = 1024 * 1024;

/** Limits for reading one .eml; every default is generous for real mail and bounds the cost of a hostile one. */
export const ReadEmlOptionsSchema = z
  .object({
    /**
     * Largest input accepted, in bytes. 25 MB is what the big mail providers accept per message
     * (attachments included); anything larger did not arrive as a mail and would only cost memory.
     */
    maxBytes: z.number().int().positive().max(1024 * MB).default(25 * MB),
    /**
     * Largest top-level header block, in bytes. Long relay chains with DKIM/ARC signatures reach some
     * tens of KB; 256 KB leaves room for that while bounding address parsing (a From with 100 000
     * addresses needs more than this), which is the parser's costliest header work.
     */
    maxHeaderBytes: z.number().int().positive().max(16 * MB).default(256 * 1024),
    /** Most header fields in the top-level block. Real mail has well under 300; more is noise aimed at the parser. */
    maxHeaderFields: z.number().int().positive().max(100_000).default(1000),
    /**
     * Most MIME parts. A forward with attachments has a handful; thousands of nested parts are a
     * parser bomb. mailparser reports the overflow and it comes back as `too-large`.
     */
    maxMimeParts: z.number().int().positive().max(10_000).default(100),
    /**
     * Deepest nesting of multiparts and embedded messages (message/rfc822). Real mail nests three or four
     * levels (mixed › alternative › related), a forwarded mail attached as a file adds as many again;
     * mailparser walks the part tree recursively, so hundreds of levels are a stack-depth attack. Checked
     * in one scan before parsing, and a deeper mail is refused as `too-large`.
     */
    maxMimeDepth: z.number().int().positive().max(1000).default(32),
    /**
     * Longest raw line, in bytes (line feed not counted). RFC 5322 allows 998 and mail servers wrap or
     * refuse longer lines, so a longer one never travelled as mail; minified HTML from bulk senders reaches
     * some 100 KB. 1 MB leaves room for every real case while a parser never holds a multi-megabyte line.
     */
    maxLineBytes: z.number().int().min(998).max(1024 * MB).default(MB),
    /**
     * Most addresses in one address field (From, Sender, Reply-To, To, Cc, Bcc), counted as comma-separated
     * entries outside quotes. mailparser parses and decodes every address of these fields up front, about
     * 2 µs each: the 256 KB header alone fits 128 000 bare entries (a quarter of a second), and 50 000
     * addresses in From are a known trick to bury the real sender. Real To/Cc lists stay in the hundreds;
     * 10 000 keeps even a pathological but harmless list readable and the parsing within some 20 ms.
     */
    maxAddressesPerField: z.number().int().positive().max(1_000_000).default(10_000),
    /**
     * mailparser's own HTML-to-text converter is not linear on hostile markup. It is switched off
     * (the core converts HTML itself, in linear time), and this cap stays as a guard should it ever run.
     */
    maxHtmlLengthToParse: z.number().int().positive().max(1024 * MB).default(2 * MB),
  })
  .strict();

export type ReadEmlOptions = z.input<typeof ReadEmlOptionsSchema>;
export type ReadEmlLimits = z.output<typeof ReadEmlOptionsSchema>;

/** Throws on invalid options: they come from code, not from the mail, so a bad value is a bug to surface. */
export function readEmlLimits(options: ReadEmlOptions | undefined): ReadEmlLimits {
  return ReadEmlOptionsSchema.parse(options ?? {});
}
