/**
 * Synthetic cohorts from committed aggregate statistics (quantiles, missing rates, Spearman
 * correlations, prevalence) via a Gaussian copula; no patient-level data is stored.
 */
package org.leukemia.ml.synthetic;
