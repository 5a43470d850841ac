package org.citymaas.runtime.inference.entity;

/** Tensor element types, named as in the KServe Open Inference Protocol v2. */
public enum DataType {
    FP32,
    INT64,
    BYTES
}
