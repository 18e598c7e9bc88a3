/**
 * Plain data packed for another thread. `postMessage` copies objects one by one (each with its keys, each
 * string on its own), and taking such a copy in costs the receiving thread several times more than unpacking
 * this (national export of a county, 119,428 records: 4.2 s against 0.5–0.8 s). Packed, the same data crosses
 * as two buffers and its distinct strings: values become numbers in an Int32Array, written after their contents
 * (postfix), objects are listed by shape (their keys, once per shape) and made from an object literal per shape,
 * and equal strings are sent once and arrive as one string. An object put in the same place (the same key of
 * objects of one shape, or array items) as the one before it arrives as one object, as records of a sheet share
 * the parsed value of equal cells; other objects reached twice arrive as equal copies.
 *
 * Packs what records hold: null, undefined, booleans, numbers, strings, arrays (holes as undefined) and plain
 * objects, without cycles. Anything else (a Map, a Date, a class instance, a key `__proto__`) is refused with
 * an error rather than changed.
 */

/** Packed data: transfer `transferables(p)`, copy the rest. */
export interface Packed {
  ints: Int32Array;
  nums: Float64Array;
  /** Distinct strings, Latin-1 ones (IDs, dates, codes) joined apart from the others: each side crosses as one string. */
  latin: string;
  wide: string;
  /** Per distinct string: its length, negative for one of `wide`. */
  lengths: Int32Array;
  /** Key lists of the objects' shapes. */
  shapes: string[][];
}

const UNDEFINED = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
/** An integer of 32 bits, in the next int. */
const INT = 4;
/** Another number: the next int is its place in `nums`. */
const NUM = 5;
/** A string: the next int is its place among the distinct strings. */
const STRING = 6;
/** An array of the last n values: n is in the next int. */
const ARRAY = 7;
/** An object of the last values, one per key of its shape: the shape is in the next int. */
const OBJECT = 8;
/** An object or array packed before: its number (in the order objects were completed) is in the next int. */
const SEEN = 9;

class Ints {
  buf = new Int32Array(1 << 16);
  n = 0;
  push2(a: number, b: number): void {
    if (this.n + 2 > this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = a;
    this.buf[this.n++] = b;
  }
}

const LATIN = /^[\0-\xff]*$/;

/** The place (see `pack`) of every array's items. */
const ARRAY_ITEMS = 0;

/** Shapes by key list: objects of one kind have the same keys in the same order, so the last one is tried first. */
class Shapes {
  readonly keys: string[][] = [];
  /** Per shape, the place (see `pack`) of its first key; the others follow. */
  readonly places: number[] = [];
  private nextPlace = ARRAY_ITEMS + 1;
  private readonly byFirst = new Map<string, number[]>();

  of(keys: string[]): number {
    const first = keys.length === 0 ? '' : keys[0];
    let list = this.byFirst.get(first);
    if (list === undefined) this.byFirst.set(first, (list = []));
    for (let i = list.length - 1; i >= 0; i--) if (sameKeys(this.keys[list[i]], keys)) return list[i];
    if (keys.includes('__proto__')) throw new TypeError('pack: key __proto__');
    list.push(this.keys.length);
    this.keys.push(keys);
    this.places.push(this.nextPlace);
    this.nextPlace += keys.length;
    return this.keys.length - 1;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Packs `value` (records, lists of them). */
export function pack(value: unknown): Packed {
  const ints = new Ints();
  const nums: number[] = [];
  const strings = new Map<string, number>();
  const latin: string[] = [];
  const wide: string[] = [];
  const lengths: number[] = [];
  const shapes = new Shapes();
  let completed = 0;
  /**
   * Per place (a key of a shape, or an array's items), the object or string last put there and its number:
   * records of one sheet repeat their parsed values (one result for equal cells) and their texts place by place.
   */
  const lastObject: (object | undefined)[] = [];
  const lastObjectNo: number[] = [];
  const lastString: (string | undefined)[] = [];
  const lastStringNo: number[] = [];

  const str = (s: string, place: number): number => {
    if (lastString[place] === s) return lastStringNo[place];
    let at = strings.get(s);
    if (at === undefined) {
      at = lengths.length;
      strings.set(s, at);
      if (LATIN.test(s)) {
        latin.push(s);
        lengths.push(s.length);
      } else {
        // Never empty (the empty string is Latin-1), so its negative length is below zero.
        wide.push(s);
        lengths.push(-s.length);
      }
    }
    lastString[place] = s;
    lastStringNo[place] = at;
    return at;
  };

  const put = (v: unknown, place: number): void => {
    switch (typeof v) {
      case 'undefined':
        ints.push2(UNDEFINED, 0);
        return;
      case 'boolean':
        ints.push2(v ? TRUE : FALSE, 0);
        return;
      case 'number':
        if ((v | 0) === v && !Object.is(v, -0)) ints.push2(INT, v);
        else {
          ints.push2(NUM, nums.length);
          nums.push(v);
        }
        return;
      case 'string':
        ints.push2(STRING, str(v, place));
        return;
      case 'object': {
        if (v === null) {
          ints.push2(NULL, 0);
          return;
        }
        if (lastObject[place] === v) {
          ints.push2(SEEN, lastObjectNo[place]);
          return;
        }
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) put(v[i], ARRAY_ITEMS);
          ints.push2(ARRAY, v.length);
        } else {
          const proto: unknown = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) throw new TypeError(`pack: not plain data (${String((v as object).constructor?.name)})`);
          const keys = Object.keys(v);
          const shape = shapes.of(keys);
          const first = shapes.places[shape];
          const o = v as Record<string, unknown>;
          for (let i = 0; i < keys.length; i++) put(o[keys[i]], first + i);
          ints.push2(OBJECT, shape);
        }
        lastObject[place] = v;
        lastObjectNo[place] = completed++;
        return;
      }
      default:
        throw new TypeError(`pack: not plain data (${typeof v})`);
    }
  };
  put(value, ARRAY_ITEMS);
  return {
    ints: ints.buf.slice(0, ints.n),
    nums: Float64Array.from(nums),
    latin: latin.join(''),
    wide: wide.join(''),
    lengths: Int32Array.from(lengths),
    shapes: shapes.keys,
  };
}

/** The buffers of `p` to transfer with it (they are moved, not copied). */
export function transferables(p: Packed): ArrayBuffer[] {
  return [p.ints.buffer as ArrayBuffer, p.nums.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer];
}

type Make = (values: unknown[], at: number) => Record<string, unknown>;

/**
 * Makes objects of one shape from an object literal, so that they are made at once with their final layout
 * (assigning keys one by one costs several times more). Keys are written as JSON strings: never code.
 */
function maker(keys: readonly string[]): Make {
  const fields = keys.map((k, i) => `${JSON.stringify(k)}: v[a + ${String(i)}]`).join(', ');
  return new Function('v', 'a', `return { ${fields} };`) as Make;
}

/** The value `pack` packed: equal in content. */
export function unpack(p: Packed): unknown {
  const strings = new Array<string>(p.lengths.length);
  let inLatin = 0;
  let inWide = 0;
  for (let i = 0; i < p.lengths.length; i++) {
    const len = p.lengths[i];
    if (len >= 0) strings[i] = p.latin.slice(inLatin, (inLatin += len));
    else strings[i] = p.wide.slice(inWide, (inWide -= len));
  }
  const { ints, nums } = p;
  const makers = p.shapes.map(maker);
  const objects: object[] = [];
  const stack: unknown[] = [];
  let sp = 0;
  for (let at = 0; at < ints.length; at += 2) {
    const arg = ints[at + 1];
    switch (ints[at]) {
      case UNDEFINED:
        stack[sp++] = undefined;
        break;
      case NULL:
        stack[sp++] = null;
        break;
      case FALSE:
        stack[sp++] = false;
        break;
      case TRUE:
        stack[sp++] = true;
        break;
      case INT:
        stack[sp++] = arg;
        break;
      case NUM:
        stack[sp++] = nums[arg];
        break;
      case STRING:
        stack[sp++] = strings[arg];
        break;
      case ARRAY: {
        sp -= arg;
        const a = stack.slice(sp, sp + arg);
        objects.push(a);
        stack[sp++] = a;
        break;
      }
      case OBJECT: {
        const make = makers[arg];
        sp -= p.shapes[arg].length;
        const o = make(stack, sp);
        objects.push(o);
        stack[sp++] = o;
        break;
      }
      case SEEN:
        stack[sp++] = objects[arg];
        break;
      default:
        throw new Error(`unpack: damaged data at ${String(at)}`);
    }
  }
  if (sp !== 1) throw new Error('unpack: damaged data');
  return stack[0];
}
