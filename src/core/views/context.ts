// Components deep in a page (form fields, pagination) need the language and the CSRF token.
// Layout and Form provide the PageContext once, so callers need not thread it through every prop.
import { createContext, useContext } from 'hono/jsx';
import type { PageContext } from './page-context.js';

export const PageContextValue = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const page = useContext(PageContextValue);
  if (!page) throw new Error('This component must be rendered inside <Layout> or <Form> (or <PageContextValue.Provider>)');
  return page;
}
