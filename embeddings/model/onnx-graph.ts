// Reads the parts of an ONNX model file needed to check a model's config.json against the graph itself:
// initializer names and shapes, graph inputs/outputs, and node names. A minimal protobuf wire-format
// reader is enough for that and avoids a dependency on the full ONNX schema.
import { readFileSync } from 'node:fs';

export interface OnnxTensorInfo {
  name: string;
  dims: number[];
}

/** A Constant node holding a small int64 or float tensor, decoded. */
export interface OnnxConstant {
  nodeName: string;
  values: number[];
}

export interface OnnxGraphSummary {
  producerName: string;
  initializers: OnnxTensorInfo[];
  constants: OnnxConstant[];
  nodeNames: string[];
  opTypes: string[];
  inputNames: string[];
  outputNames: string[];
}

interface Field {
  fieldNumber: number;
  wireType: number;
  /** Varint value (wire type 0) */
  value?: bigint;
  /** Length-delimited payload (wire type 2) */
  bytes?: Buffer;
}

function readVarint(buffer: Buffer, offset: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let position = offset;
  for (;;) {
    const byte = buffer[position++];
    if (byte === undefined) throw new Error('ONNX file truncated inside a varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, position];
    shift += 7n;
  }
}

function* fields(buffer: Buffer): Generator<Field> {
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const fieldNumber = Number(key >> 3n);
    const wireType = Number(key & 7n);
    offset = afterKey;
    if (wireType === 0) {
      const [value, next] = readVarint(buffer, offset);
      offset = next;
      yield { fieldNumber, wireType, value };
    } else if (wireType === 2) {
      const [length, next] = readVarint(buffer, offset);
      const end = next + Number(length);
      yield { fieldNumber, wireType, bytes: buffer.subarray(next, end) };
      offset = end;
    } else if (wireType === 1) {
      offset += 8;
      yield { fieldNumber, wireType };
    } else if (wireType === 5) {
      offset += 4;
      yield { fieldNumber, wireType };
    } else {
      throw new Error(`Unsupported protobuf wire type ${wireType}`);
    }
  }
}

function readPackedVarints(bytes: Buffer): number[] {
  const values: number[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const [value, next] = readVarint(bytes, offset);
    values.push(Number(value));
    offset = next;
  }
  return values;
}

// Field numbers from onnx.proto.
const MODEL_PRODUCER_NAME = 2;
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;
const NODE_NAME = 3;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE_TENSOR = 5;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_FLOAT_DATA = 4;
const TENSOR_INT64_DATA = 7;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
const DATA_TYPE_FLOAT = 1;
const DATA_TYPE_INT64 = 7;
/** Constants larger than this are weights, not shape arithmetic; they are not decoded. */
const MAX_DECODED_CONSTANT_BYTES = 256;
const VALUE_INFO_NAME = 1;

function readTensorInfo(bytes: Buffer): OnnxTensorInfo {
  let name = '';
  const dims: number[] = [];
  for (const field of fields(bytes)) {
    if (field.fieldNumber === TENSOR_NAME && field.bytes) name = field.bytes.toString('utf8');
    if (field.fieldNumber === TENSOR_DIMS) {
      if (field.value !== undefined) dims.push(Number(field.value));
      else if (field.bytes) dims.push(...readPackedVarints(field.bytes));
    }
  }
  return { name, dims };
}

function decodeTensorValues(bytes: Buffer): number[] | undefined {
  let dataType = 0;
  const values: number[] = [];
  let raw: Buffer | undefined;
  for (const field of fields(bytes)) {
    if (field.fieldNumber === TENSOR_DATA_TYPE && field.value !== undefined) dataType = Number(field.value);
    if (field.fieldNumber === TENSOR_RAW_DATA && field.bytes) raw = field.bytes;
    if (field.fieldNumber === TENSOR_INT64_DATA) {
      if (field.value !== undefined) values.push(Number(field.value));
      else if (field.bytes) values.push(...readPackedVarints(field.bytes));
    }
    if (field.fieldNumber === TENSOR_FLOAT_DATA && field.bytes) {
      for (let offset = 0; offset + 4 <= field.bytes.length; offset += 4) values.push(field.bytes.readFloatLE(offset));
    }
  }
  if (raw) {
    if (raw.length > MAX_DECODED_CONSTANT_BYTES) return undefined;
    if (dataType === DATA_TYPE_INT64) {
      for (let offset = 0; offset + 8 <= raw.length; offset += 8) values.push(Number(raw.readBigInt64LE(offset)));
    } else if (dataType === DATA_TYPE_FLOAT) {
      for (let offset = 0; offset + 4 <= raw.length; offset += 4) values.push(raw.readFloatLE(offset));
    } else {
      return undefined;
    }
  }
  return values;
}

function readConstantValues(node: Buffer): number[] | undefined {
  for (const field of fields(node)) {
    if (field.fieldNumber !== NODE_ATTRIBUTE || !field.bytes) continue;
    for (const attributeField of fields(field.bytes)) {
      if (attributeField.fieldNumber === ATTRIBUTE_TENSOR && attributeField.bytes) {
        return decodeTensorValues(attributeField.bytes);
      }
    }
  }
  return undefined;
}

function readStringField(bytes: Buffer, fieldNumber: number): string {
  for (const field of fields(bytes)) {
    if (field.fieldNumber === fieldNumber && field.bytes) return field.bytes.toString('utf8');
  }
  return '';
}

export function summarizeOnnxGraph(modelPath: string): OnnxGraphSummary {
  const model = readFileSync(modelPath);
  const summary: OnnxGraphSummary = {
    producerName: '',
    initializers: [],
    constants: [],
    nodeNames: [],
    opTypes: [],
    inputNames: [],
    outputNames: [],
  };
  let graph: Buffer | undefined;
  for (const field of fields(model)) {
    if (field.fieldNumber === MODEL_PRODUCER_NAME && field.bytes) summary.producerName = field.bytes.toString('utf8');
    if (field.fieldNumber === MODEL_GRAPH && field.bytes) graph = field.bytes;
  }
  if (!graph) throw new Error(`${modelPath} has no ONNX graph`);
  const opTypes = new Set<string>();
  for (const field of fields(graph)) {
    if (!field.bytes) continue;
    if (field.fieldNumber === GRAPH_INITIALIZER) summary.initializers.push(readTensorInfo(field.bytes));
    if (field.fieldNumber === GRAPH_INPUT) summary.inputNames.push(readStringField(field.bytes, VALUE_INFO_NAME));
    if (field.fieldNumber === GRAPH_OUTPUT) summary.outputNames.push(readStringField(field.bytes, VALUE_INFO_NAME));
    if (field.fieldNumber === GRAPH_NODE) {
      const nodeName = readStringField(field.bytes, NODE_NAME);
      const opType = readStringField(field.bytes, NODE_OP_TYPE);
      summary.nodeNames.push(nodeName);
      opTypes.add(opType);
      if (opType === 'Constant') {
        const values = readConstantValues(field.bytes);
        if (values) summary.constants.push({ nodeName, values });
      }
    }
  }
  summary.opTypes = [...opTypes].sort();
  return summary;
}
