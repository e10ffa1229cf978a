// corpus: label=neutral cwe=- function=paginate
/**
 * Compute pagination metadata for list endpoints.
 * @param {{ page?: number|string, perPage?: number|string, total: number }} options
 */
function paginate({ page = 1, perPage = 20, total }) {
  const size = Math.min(Math.max(parseInt(perPage, 10) || 20, 1), 100);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(parseInt(page, 10) || 1, 1), pages);

  return {
    page: current,
    perPage: size,
    total,
    pages,
    offset: (current - 1) * size,
    hasPrev: current > 1,
    hasNext: current < pages,
  };
}

module.exports = { paginate };
