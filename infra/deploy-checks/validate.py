#!/usr/bin/env python3
"""Validates rendered Kubernetes manifests offline, with unknown fields as errors.

Core kinds are checked with kubernetes-validate's strict schemas for one Kubernetes version.
Custom resources are checked against the openAPIV3Schema of their CRD in crds/, made strict
the way the API server treats a structural schema: an object that declares its properties
takes no others, unless the CRD marks it x-kubernetes-preserve-unknown-fields.

  validate.py [--kube-version 1.33] FILE...     every resource of every FILE must be valid
    [--planted FILE --expect-error TEXT...]     and FILE must fail, naming each TEXT
"""
import argparse
import collections
import pathlib
import sys

import jsonschema
import kubernetes_validate
import yaml

CRD_DIR = pathlib.Path(__file__).resolve().parent / "crds"
# libyaml's parser: the CRDs are close to a megabyte of YAML, several seconds for the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def make_strict(schema):
    """A copy of an OpenAPI schema where every object with declared properties rejects others."""
    if not isinstance(schema, dict):
        return schema
    schema = dict(schema)
    if "properties" in schema:
        schema["properties"] = {name: make_strict(sub) for name, sub in schema["properties"].items()}
        if "additionalProperties" not in schema and not schema.get("x-kubernetes-preserve-unknown-fields"):
            schema["additionalProperties"] = False
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            schema[key] = make_strict(schema[key])
    for key in ("allOf", "anyOf", "oneOf"):
        if key in schema:
            schema[key] = [make_strict(sub) for sub in schema[key]]
    return schema


def load_crd_validators():
    """(apiVersion, kind) -> a JSON Schema validator, for every served version of every CRD."""
    validators = {}
    for path in sorted(CRD_DIR.glob("*.yaml")):
        for crd in yaml.load_all(path.read_text(), Loader=LOADER):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if version.get("served"):
                    schema = make_strict(version["schema"]["openAPIV3Schema"])
                    validators[(f"{group}/{version['name']}", kind)] = jsonschema.Draft4Validator(schema)
    return validators


def where(error):
    return ".".join(str(part) for part in error.absolute_path) or "(root)"


def problems_of(resource, crd_validators, kube_version):
    """Every schema problem of one resource, as text; empty when it is valid."""
    key = (resource.get("apiVersion"), resource.get("kind"))
    if key not in crd_validators:
        return core_problems(resource, kube_version)
    found = [f"{where(e)}: {e.message}" for e in crd_validators[key].iter_errors(resource)]
    # A CRD leaves metadata open; check it as the API server would, as any object's metadata.
    probe = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": resource.get("metadata", {})}
    return found + core_problems(probe, kube_version)


def core_problems(resource, kube_version):
    """The first problem kubernetes-validate finds in a core resource (it stops at one)."""
    try:
        kubernetes_validate.validate(resource, kube_version, strict=True)
        return []
    except jsonschema.ValidationError as error:
        return [f"{where(error)}: {error.message}"]
    except kubernetes_validate.utils.SchemaNotFoundError as error:
        return [f"no schema for {resource.get('kind')} ({resource.get('apiVersion')}): {error.message}"]


def validate_file(path, crd_validators, kube_version):
    """Prints each invalid resource; returns (per-kind counts, all problems)."""
    counts, problems = collections.Counter(), []
    for resource in yaml.load_all(pathlib.Path(path).read_text(), Loader=LOADER):
        if not resource:
            continue
        name = f"{resource.get('kind')}/{resource.get('metadata', {}).get('name')}"
        counts[resource.get("kind")] += 1
        for problem in problems_of(resource, crd_validators, kube_version):
            problems.append(f"{name}: {problem}")
            print(f"  invalid {name}: {problem}")
    return counts, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kube-version", default="1.33")
    parser.add_argument("--planted", metavar="FILE", help="a render with planted mistakes")
    parser.add_argument("--expect-error", metavar="TEXT", action="append", default=[],
                        help="a problem the planted render must show; may be repeated")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    crd_validators = load_crd_validators()
    failed = False
    for path in args.files:
        counts, problems = validate_file(path, crd_validators, args.kube_version)
        summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        print(f"{path}: {sum(counts.values())} resources, {len(problems)} invalid ({summary})")
        failed |= bool(problems) or not counts
    if args.planted:
        _, problems = validate_file(args.planted, crd_validators, args.kube_version)
        for expected in args.expect_error:
            caught = any(expected in problem for problem in problems)
            print(f"{args.planted}: the planted error {expected!r} was {'caught' if caught else 'NOT caught'}")
            failed |= not caught
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
