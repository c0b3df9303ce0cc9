/**
 * The Spring Batch job: reader, processor and writer adapters around the domain, the step's skip
 * rules, launching runs and reading their history. The only package that imports Spring Batch.
 */
package org.passerelle.batch;
