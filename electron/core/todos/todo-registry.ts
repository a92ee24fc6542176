import type { Todo } from '../contract';

/**
 * A source of to-dos for 商家总览: a capability registers one per kind of work waiting (tickets,
 * usage, and the sections later issues build) in the composition root; the overview only reads them.
 */
export interface TodoProvider {
  key: string;
  link: Todo['link'];
  /** How many wait now, and how many of them are late (null where lateness has no meaning). */
  read(now: number): { count: number; overdue: number | null };
}

export class TodoRegistry {
  private readonly providers: TodoProvider[] = [];

  register(...providers: TodoProvider[]): void {
    for (const provider of providers) {
      if (this.providers.some((p) => p.key === provider.key)) throw new Error(`To-do "${provider.key}" is registered twice`);
      this.providers.push(provider);
    }
  }

  /** Every to-do (or those of `keys`), including those at zero (the page says "nothing waiting" rather than hiding the line). */
  read(now: number, keys?: readonly string[]): Todo[] {
    const wanted = keys ? this.providers.filter((p) => keys.includes(p.key)) : this.providers;
    return wanted.map((provider) => ({ key: provider.key, link: provider.link, ...provider.read(now) }));
  }
}
