import type { ReactNode } from 'react';
import './page-frame.css';

/**
 * Every page's frame: a header band (title, then the page's actions) across the whole page, and a
 * body that fills the rest of the window. Tables take the body's remaining height; forms scroll
 * inside the body (`scroll`), never the window.
 */
export function PageFrame({
  title,
  actions,
  testId,
  scroll = false,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  testId: string;
  scroll?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="page-frame" data-testid={testId}>
      <header className="page-header">
        <h2 className="page-title" data-testid="page-title">
          {title}
        </h2>
        {actions}
      </header>
      <div className={scroll ? 'page-body page-body-scroll' : 'page-body'}>{children}</div>
    </section>
  );
}
