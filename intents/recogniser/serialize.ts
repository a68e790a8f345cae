/**
 * Binary model format: "IRM1", a uint32 header length, a JSON header, then the typed arrays
 * (4-byte aligned) in the order the header lists them. Compact and fast to load.
 */
import { Vocabulary, type FeatureConfig } from './features.js';
import { RecogniserModel, type Calibration } from './model.js';
import { SoftmaxClassifier } from './softmax-classifier.js';
import { ALGORITHM_VERSION } from './train.js';

const MAGIC = 'IRM1';

interface Header {
  version: string;
  features: FeatureConfig;
  labels: string[];
  oosIndex: number;
  calibration: Calibration;
  numFeatures: number;
  numClasses: number;
  arrays: { name: string; type: 'u32' | 'f32'; length: number }[];
}

export function serializeModel(model: RecogniserModel): Buffer {
  const arrays: [string, Uint32Array | Float32Array][] = [
    ['ids', model.vocab.ids],
    ['idf', model.vocab.idf],
    ['weights', model.classifier.weights],
    ['bias', model.classifier.bias],
  ];
  const header: Header = {
    version: ALGORITHM_VERSION,
    features: model.vocab.cfg,
    labels: model.labels,
    oosIndex: model.oosIndex,
    calibration: model.calibration,
    numFeatures: model.classifier.numFeatures,
    numClasses: model.classifier.numClasses,
    arrays: arrays.map(([name, a]) => ({ name, type: a instanceof Uint32Array ? 'u32' : 'f32', length: a.length })),
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(json.length, 4);
  return Buffer.concat([prefix, json, ...arrays.map(([, a]) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

export function deserializeModel(data: Buffer | Uint8Array): RecogniserModel {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 || buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('deserializeModel: not an intent model');
  const headerLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLen)) as Header;
  if (header.version !== ALGORITHM_VERSION) throw new Error(`deserializeModel: model version ${header.version}, expected ${ALGORITHM_VERSION}`);
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
  const vocab = new Vocabulary(header.features, arrays.get('ids') as Uint32Array, arrays.get('idf') as Float32Array);
  const classifier = new SoftmaxClassifier(header.numFeatures, header.numClasses, arrays.get('weights') as Float32Array, arrays.get('bias') as Float32Array);
  return new RecogniserModel(vocab, classifier, header.labels, header.oosIndex, header.calibration);
}
