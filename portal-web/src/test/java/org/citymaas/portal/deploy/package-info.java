/**
 * The deployment files under {@code docker/} checked by the test suite, with no cluster, container engine or
 * network: the Kubernetes manifests rendered as {@code kubectl kustomize} would ({@link KustomizeSubset}) and
 * validated against the Kubernetes API's schema and against each other ({@link KubernetesObjects}), and the
 * image's entrypoint started the way the image starts it ({@code EntrypointContractIT}).
 */
package org.citymaas.portal.deploy;
