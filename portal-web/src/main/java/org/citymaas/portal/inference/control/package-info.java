/**
 * The inference path's pure functions, no container: the Open Inference Protocol (v2) wire format
 * (JSON requests to typed requests, outcomes back to JSON, naming the field at fault for anything
 * malformed), a typed row from a form or a CSV line and readable outputs back, and the digest that
 * tells a retry of a request from another request under the same id; and the group commit that
 * writes completions arriving together in one transaction ({@code CompletionGroups}).
 */
package org.citymaas.portal.inference.control;
