import type { InlineItem } from './inlineItems.js';

/**
 * A leaf block as the walk in parseMarkdown needs it, in document order: where it is, and for text
 * the protected pieces and markup inside. Both remark's tree and the fast scanner come down to this.
 */
export type Leaf =
  | {
      readonly type: 'paragraph';
      readonly start: number;
      readonly end: number;
      readonly items: readonly InlineItem[];
      readonly inQuote: boolean;
    }
  | {
      /** A heading's or table cell's content, from its first to its last inline node. */
      readonly type: 'unit';
      readonly context: 'heading' | 'tableCell';
      readonly start: number;
      readonly end: number;
      readonly items: readonly InlineItem[];
      readonly inQuote: boolean;
    }
  | { readonly type: 'code' | 'math' | 'html'; readonly start: number; readonly end: number };
