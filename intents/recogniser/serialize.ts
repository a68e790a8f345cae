/**
 * Binary model format: "IRM1", a uint32 header length, a JSON header, then the typed arrays
 * (4-byte aligned) in the order the header lists them. Compact and fast to load. The header may
 * name the hash of the training data (cache.ts `trainingHash`), so a file is used only for that data.
 */
import { Vocabulary, type FeatureConfig } from './features.js';
import { Lexicon } from './lexicon.js';
import { RecogniserModel, type Calibration } from './model.js';
import { SoftmaxClassifier } from './softmax-classifier.js';
import { ALGORITHM_VERSION } from './train.js';

const MAGIC = 'IRM1';

interface Header {
  version: string;
  members: { features: FeatureConfig; numFeatures: number }[];
  labels: string[];
  oosIndex: number;
  calibration: Calibration;
  lexicon: string[];
  numClasses: number;
  arrays: { name: string; type: 'u32' | 'f32'; length: number }[];
  /** The training data's hash, when the file was written for the cache or shipped. */
  trainingHash?: string;
}

export function serializeModel(model: RecogniserModel, trainingHash?: string): Buffer {
  const arrays: [string, Uint32Array | Float32Array][] = model.members.flatMap((m, i): [string, Uint32Array | Float32Array][] => [
    [`ids${i}`, m.vocab.ids],
    [`idf${i}`, m.vocab.idf],
    [`weights${i}`, m.classifier.weights],
    [`bias${i}`, m.classifier.bias],
  ]);
  const header: Header = {
    version: ALGORITHM_VERSION,
    members: model.members.map((m) => ({ features: m.vocab.cfg, numFeatures: m.classifier.numFeatures })),
    labels: model.labels,
    oosIndex: model.oosIndex,
    calibration: model.calibration,
    lexicon: model.lexicon.list(),
    numClasses: model.labels.length,
    arrays: arrays.map(([name, a]) => ({ name, type: a instanceof Uint32Array ? 'u32' : 'f32', length: a.length })),
    trainingHash,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(json.length, 4);
  return Buffer.concat([prefix, json, ...arrays.map(([, a]) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

/** The model in `data`; with `trainingHash`, only when the file says it was trained on that data (else it throws). */
export function deserializeModel(data: Buffer | Uint8Array, trainingHash?: string): RecogniserModel {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 || buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('deserializeModel: not an intent model');
  const headerLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLen)) as Header;
  if (header.version !== ALGORITHM_VERSION) throw new Error(`deserializeModel: model version ${header.version}, expected ${ALGORITHM_VERSION}`);
  if (trainingHash !== undefined && header.trainingHash !== trainingHash) throw new Error('deserializeModel: the model was trained on other data');
  const expectedBytes = header.arrays.reduce((n, a) => n + a.length * 4, 8 + headerLen);
  if (buf.length !== expectedBytes) throw new Error(`deserializeModel: ${buf.length} bytes, expected ${expectedBytes}`);
  // Copy into a fresh aligned buffer: typed arrays need 4-byte alignment.
  let offset = 8 + headerLen;
  const arrays = new Map<string, Uint32Array | Float32Array>();
  for (const a of header.arrays) {
    const bytes = a.length * 4;
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buf.subarray(offset, offset + bytes));
    arrays.set(a.name, a.type === 'u32' ? new Uint32Array(copy) : new Float32Array(copy));
    offset += bytes;
  }
  const members = header.members.map((m, i) => ({
    vocab: new Vocabulary(m.features, arrays.get(`ids${i}`) as Uint32Array, arrays.get(`idf${i}`) as Float32Array),
    classifier: new SoftmaxClassifier(m.numFeatures, header.numClasses, arrays.get(`weights${i}`) as Float32Array, arrays.get(`bias${i}`) as Float32Array),
  }));
  return new RecogniserModel(members, header.labels, header.oosIndex, header.calibration, new Lexicon(header.lexicon));
}
