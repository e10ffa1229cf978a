'use strict';

async function all(ctx, names, expected) {
  for (const n of names) {
    ctx.assert.equal(await ctx.call(n), expected, `${JSON.stringify(n)} should be ${expected ? 'valid' : 'invalid'}`);
  }
}

module.exports = {
  accepts_common_names: async (ctx) => {
    await all(ctx, ['Anne-Marie O\'Neil', 'Zoë Ångström', 'Li', 'Jean-Luc Picard', 'Mary Ann de la Cruz', 'Ólafur Arnalds', 'Владимир'], true);
  },
  rejects_bad_separators: async (ctx) => {
    await all(ctx, ['  ', 'Bob  Smith', '-Bob', 'Bob-', 'Ann--Lee', "O''Neil", ' Bob', 'Bob ', 'Bob\tSmith', ''], false);
  },
  rejects_digits_and_length: async (ctx) => {
    await all(ctx, ['R2D2', 'B', 'Bob_Smith', 'a'.repeat(51), 'Ann ' + 'b'.repeat(47)], false);
    await all(ctx, ['a'.repeat(50)], true);
  },
  backtracking_bomb: async (ctx) => {
    for (const n of ['a'.repeat(30) + '!', 'a'.repeat(37) + '!', 'a'.repeat(49) + '1']) {
      ctx.assert.equal(await ctx.call(n), false);
    }
  },
  backtracking_bomb_with_separators: async (ctx) => {
    for (const n of ['a a '.repeat(11) + 'a!', 'ab'.repeat(24) + '-', "a'".repeat(24) + '!']) {
      ctx.assert.equal(await ctx.call(n), false);
    }
  },
};
