import { Component, type ReactNode } from 'react';

/**
 * Contains a failure to render one message: that message shows `fallback` and the rest of the page
 * (the composer, the conversation list with its delete buttons) keeps working. Without it, one stored
 * answer React cannot render would blank the whole page on every load.
 */
export class MessageBoundary extends Component<
  { children: ReactNode; fallback: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
