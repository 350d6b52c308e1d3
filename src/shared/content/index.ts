/** The bundled knowledge base: schemas and bundle shape, routes, and Markdown rendering. */
export * from './schema';
export * from './routes';
