/**
 * Reading and writing model cards (JSON, snake_case) and unpacking a catalog that ships inside a jar
 * to a directory, because TensorFlow loads SavedModels from files only.
 */
package org.citymaas.runtime.catalog.control;
