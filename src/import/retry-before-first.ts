// Reading a source again when it fails before giving anything: nothing has been passed on then,
// so a second try can neither lose nor double a row. Used around exceljs's streaming reader,
// which now and then fails on a sound workbook before its first row.

/**
 * The items of `make()`, made again (up to `attempts` times in all) while it fails before its
 * first item with an error `retryable` accepts. A failure after an item, or of another kind,
 * or on the last attempt, is thrown as it is.
 */
export async function* retryBeforeFirst<T>(
  make: () => AsyncIterable<T>,
  retryable: (e: unknown) => boolean,
  attempts: number,
): AsyncGenerator<T> {
  for (let attempt = 1; ; attempt++) {
    let given = false;
    try {
      for await (const item of make()) {
        given = true;
        yield item;
      }
      return;
    } catch (e) {
      if (given || attempt >= attempts || !retryable(e)) throw e;
    }
  }
}
