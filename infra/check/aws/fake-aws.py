#!/usr/bin/python3
"""A stand-in for the `aws` command, for the infrastructure checks (issue 30).

The workflows' shell runs unchanged with this program first on PATH as `aws`. It parses each call the
way the AWS CLI does (service, operation, --options, --cli-input-json) against the AWS API model that
Debian's python3-botocore ships, and validates the parameters with botocore's own validator: a payload
AWS would refuse fails here with the same "Parameter validation failed" message and exit code 255.
It answers from a small in-memory account (a JSON state file) and applies --query (JMESPath) and
--output like the CLI. Every call is appended to a log (service, operation, parameters) so that the
checks can compare it with the deploy role's IAM policy.

Environment: FAKE_AWS_STATE (JSON file, read and written), FAKE_AWS_LOG (JSON lines, appended),
FAKE_AWS_SOCKET (optional: be a thin client of `fake-aws.py --serve <socket>`, which keeps botocore
loaded). The state's "failures" list ([{"operation": "DescribeServices", "times": 2, "error":
"ThrottlingException", "message": "Rate exceeded"}]) makes that many calls fail first, as AWS throttling
or an expired session does.
"""
import datetime
import json
import os
import sys

ACCOUNT = "123456789012"
REGION = os.environ.get("AWS_REGION", "us-east-1")
_SESSION = []


def session():
    """botocore, imported only where a call is answered (a thin client never loads it)."""
    if not _SESSION:
        import botocore.session
        _SESSION.append(botocore.session.get_session())
    return _SESSION[0]


def xform_name(name, sep):
    from botocore import xform_name as xform
    return xform(name, sep)


def fail(code, message):
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.exit(code)


def load(path, default):
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return default


def operation_for(model, cli_name):
    for name in model.operation_names:
        if xform_name(name, "-") == cli_name:
            return model.operation_model(name)
    fail(252, f"aws: error: argument operation: Invalid choice: {cli_name}")


def shorthand(shape, text, option):
    """The CLI's shorthand for a flat structure: key=value,key2=value2."""
    out = {}
    for pair in text.split(","):
        key, sep, value = pair.partition("=")
        if not sep or key not in shape.members:
            fail(252, f"aws: error: {option}: cannot parse shorthand {text!r} (nested shorthand is not modelled)")
        out[key] = parse_scalar(shape.members[key], value, option)
    return out


def parse_value(shape, values, option):
    kind = shape.type_name
    if kind in ("structure", "map") or (kind == "list" and shape.member.type_name == "structure"):
        text = " ".join(values)
        if text.startswith("file://"):
            with open(text[7:]) as f:
                text = f.read()
        if text.lstrip().startswith(("{", "[")):
            try:
                return json.loads(text)
            except ValueError:
                fail(252, f"aws: error: {option}: invalid JSON: {text}")
        if kind == "structure":
            return shorthand(shape, text, option)
        if kind == "list":
            return [shorthand(shape.member, v, option) for v in values]
        fail(252, f"aws: error: {option}: map shorthand is not modelled: {text}")
    if kind == "list":
        return [parse_scalar(shape.member, v, option) for v in values]
    if len(values) != 1:
        fail(252, f"aws: error: {option} expects one value, got {values}")
    return parse_scalar(shape, values[0], option)


def parse_scalar(shape, value, option):
    if shape.type_name in ("integer", "long"):
        try:
            return int(value)
        except ValueError:
            fail(252, f"aws: error: {option}: invalid integer {value!r}")
    if shape.type_name == "boolean":
        return value.lower() == "true"
    return value


def parse_call(argv):
    """argv after 'aws' -> (service, operation model, params, query, output)."""
    globals_ = {"--query": None, "--output": "json", "--region": None, "--cli-input-json": None, "--max-items": None}
    args = []
    i = 0
    while i < len(argv):
        if argv[i] in globals_ and argv[i] != "--max-items":
            globals_[argv[i]] = argv[i + 1]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) < 2:
        fail(252, "usage: aws <service> <operation> [options]")
    service, cli_operation, rest = args[0], args[1], args[2:]
    model = session().get_service_model(service)
    op = operation_for(model, cli_operation)
    members = {xform_name(m, "-"): m for m in op.input_shape.members} if op.input_shape else {}
    params = {}
    if globals_["--cli-input-json"]:
        source = globals_["--cli-input-json"]
        if source.startswith("file://"):
            with open(source[7:]) as f:
                source = f.read()
        params.update(json.loads(source))
    i = 0
    while i < len(rest):
        option = rest[i]
        if not option.startswith("--"):
            fail(252, f"aws: error: unrecognized arguments: {option}")
        name = option[2:]
        if name.startswith("no-") and name[3:] in members and op.input_shape.members[members[name[3:]]].type_name == "boolean":
            params[members[name[3:]]] = False
            i += 1
            continue
        if name not in members:
            if name in ("max-items", "page-size", "starting-token"):  # CLI pagination options
                i += 2
                continue
            fail(252, f"aws: error: unrecognized arguments: {option}")
        shape = op.input_shape.members[members[name]]
        values = []
        i += 1
        while i < len(rest) and not rest[i].startswith("--"):
            values.append(rest[i])
            i += 1
        if shape.type_name == "boolean" and not values:
            params[members[name]] = True
        else:
            params[members[name]] = parse_value(shape, values, option)
    return service, model, op, params, globals_["--query"], globals_["--output"]


def validate(op, params):
    from botocore.validate import ParamValidator
    report = ParamValidator().validate(params, op.input_shape) if op.input_shape else None
    if report and report.has_errors():
        fail(255, "\nParameter validation failed:\n" + report.generate_report())


# ---------------------------------------------------------------------------------------- the account
def arn(service, resource):
    return f"arn:aws:{service}:{REGION}:{ACCOUNT}:{resource}"


def family_and_revision(ref):
    name = ref.split("task-definition/")[-1]
    family, _, revision = name.partition(":")
    return family, int(revision) if revision else None


def respond(state, service, op_name, params):
    if service == "ecs":
        tds = state.setdefault("taskDefinitions", {})
        if op_name == "DescribeTaskDefinition":
            family, revision = family_and_revision(params["taskDefinition"])
            revisions = tds.get(family)
            if not revisions:
                raise ApiError("ClientException", "Unable to describe task definition.")
            td = revisions[-1] if revision is None else next((t for t in revisions if t["revision"] == revision), None)
            if td is None:
                raise ApiError("ClientException", "Unable to describe task definition.")
            return {"taskDefinition": td}
        if op_name == "RegisterTaskDefinition":
            revisions = tds.setdefault(params["family"], [])
            revision = (revisions[-1]["revision"] if revisions else 0) + 1
            td = dict(params)
            td.update({"taskDefinitionArn": arn("ecs", f"task-definition/{params['family']}:{revision}"), "revision": revision,
                       "status": "ACTIVE", "compatibilities": ["EC2", "FARGATE"], "requiresAttributes": [],
                       "registeredAt": datetime.datetime.now(datetime.timezone.utc).isoformat(),
                       "registeredBy": arn("sts", "assumed-role/github-actions-deploy/GitHubActions").replace(f":{REGION}:", "::")})
            revisions.append(td)
            return {"taskDefinition": td}
        if op_name == "ListTaskDefinitions":
            arns = [t["taskDefinitionArn"] for f, revs in tds.items() if f.startswith(params.get("familyPrefix", "")) for t in revs]
            return {"taskDefinitionArns": list(reversed(arns)) if params.get("sort") == "DESC" else arns}
        services = state.setdefault("services", {})
        if op_name == "DescribeServices":
            return {"services": [services[s] for s in params["services"] if s in services], "failures": []}
        if op_name == "UpdateService":
            svc = services[params["service"]]
            if "taskDefinition" in params:
                family, revision = family_and_revision(params["taskDefinition"])
                if revision is None:
                    revision = tds[family][-1]["revision"]
                svc["taskDefinition"] = arn("ecs", f"task-definition/{family}:{revision}")
                # The stand-in rolls out at once (a scenario may set what the wait sees instead).
                svc["deployments"] = [{"id": "ecs-svc/1", "status": "PRIMARY", "rolloutState": state.get("rolloutState", "COMPLETED"),
                                       "taskDefinition": svc["taskDefinition"]}]
            return {"service": svc}
        if op_name == "RunTask":
            task = arn("ecs", f"task/{params['cluster']}/0123456789abcdef")
            state.setdefault("tasks", {})[task] = {"taskArn": task, "lastStatus": "STOPPED", "stoppedReason": "Essential container in task exited",
                                                    "containers": [{"name": "api", "exitCode": state.get("migrateExitCode", 0)}]}
            return {"tasks": [state["tasks"][task]], "failures": []}
        if op_name == "DescribeTasks":
            return {"tasks": [state["tasks"][t] for t in params["tasks"]], "failures": []}
    if service == "ecr" and op_name == "DescribeImages":
        tag = params["imageIds"][0]["imageTag"]
        if tag in state.get("images", {}).get(params["repositoryName"], []):
            return {"imageDetails": [{"repositoryName": params["repositoryName"], "imageTags": [tag], "imagePushedAt": "2026-01-01T00:00:00Z"}]}
        raise ApiError("ImageNotFoundException", f"The image with imageId {{imageTag:'{tag}'}} does not exist within the repository")
    raise ApiError("UnsupportedOperation", f"the stand-in does not model {service} {op_name}")


class ApiError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def text_output(value):
    if value is None:
        return "None"
    if isinstance(value, list):
        if all(not isinstance(v, (list, dict)) for v in value):
            return "\t".join(text_output(v) for v in value)
        return "\n".join(text_output(v) for v in value)
    if isinstance(value, dict):
        return "\t".join(text_output(v) for v in value.values() if not isinstance(v, (list, dict)))
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def serve(path):
    """Answers calls from thin clients over a UNIX socket: one process keeps botocore and the models loaded."""
    import contextlib
    import io
    import socket
    session().get_service_model("ecs")
    session().get_service_model("ecr")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    while True:
        conn, _ = server.accept()
        with conn:
            request = json.loads(receive(conn))
            out, err, code = io.StringIO(), io.StringIO(), 0
            saved = dict(os.environ)
            os.environ.update(request["env"])
            os.chdir(request["cwd"])  # file:// arguments are relative to the caller
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    call(request["argv"])
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            except Exception as e:  # a bug in the stand-in: say so, like a CLI crash
                err.write(f"fake aws crashed: {e!r}\n")
                code = 255
            finally:
                os.environ.clear()
                os.environ.update(saved)
            conn.sendall(json.dumps({"stdout": out.getvalue(), "stderr": err.getvalue(), "code": code}).encode())


def receive(conn):
    chunks = []
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode()


def client(path, argv):
    import socket
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(path)
    env = {k: v for k, v in os.environ.items() if k.startswith(("FAKE_AWS_", "AWS_"))}
    conn.sendall(json.dumps({"argv": argv, "env": env, "cwd": os.getcwd()}).encode())
    conn.shutdown(socket.SHUT_WR)
    reply = json.loads(receive(conn))
    sys.stdout.write(reply["stdout"])
    sys.stderr.write(reply["stderr"])
    sys.exit(reply["code"])


def main():
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    elif os.environ.get("FAKE_AWS_SOCKET"):
        client(os.environ["FAKE_AWS_SOCKET"], sys.argv[1:])
    else:
        call(sys.argv[1:])


def call(argv):
    service, model, op, params, query, output = parse_call(argv)
    log = os.environ.get("FAKE_AWS_LOG")
    if log:
        with open(log, "a") as f:
            f.write(json.dumps({"service": service, "signingName": model.signing_name, "operation": op.name, "params": params}) + "\n")
    validate(op, params)
    state_path = os.environ.get("FAKE_AWS_STATE")
    state = load(state_path, {})
    failures = state.get("failures", [])
    for planned in failures:
        if planned["operation"] == op.name and planned.get("times", 1) > 0:
            planned["times"] = planned.get("times", 1) - 1
            with open(state_path, "w") as f:
                json.dump(state, f)
            fail(254 if planned["error"] != "ExpiredTokenException" else 255,
                 f"\nAn error occurred ({planned['error']}) when calling the {op.name} operation: {planned.get('message', planned['error'])}")
    try:
        result = respond(state, service, op.name, params)
    except ApiError as e:
        fail(254, f"\nAn error occurred ({e.code}) when calling the {op.name} operation: {e}")
    if state_path:
        with open(state_path, "w") as f:
            json.dump(state, f)
    if query:
        import jmespath
        result = jmespath.search(query, result)
    if output == "text":
        print(text_output(result))
    else:
        print(json.dumps(result, indent=4, default=str))


if __name__ == "__main__":
    main()
