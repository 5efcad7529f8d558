# Claude Code with warden, for shared environments: the agent runs as an unprivileged user in a
# container, sees only the project mounted at /work, and every tool call passes warden's hooks,
# installed at build time through install.sh exactly as on a workstation.
#
#   docker build -t warden-claude .                     (--build-arg AGENT_UID=$(id -u) to match your files)
#   docker run -it --rm --name agent -e ANTHROPIC_API_KEY -v "$PWD:/work" \
#     -v warden-journal:/home/agent/.claude/warden/journal -v warden-gate:/home/agent/.claude/warden/gate \
#     warden-claude                                      (runs claude --dangerously-skip-permissions in /work)
#   docker exec -it agent warden pending | warden approve <id> | warden journal tail   (you, not the agent)
#
# What the container adds to warden (SECURITY.md): the agent cannot reach your home directory,
# other projects, your credentials or your Claude Code settings outside it, and a mistake that gets
# past the guard stays inside the container and the mounted project. What it does not: the mounted
# project is writable, the network is open, and the agent runs as the same user as warden's files
# inside the container (warden's self-protection rules are what keep it off them).

FROM node:20-bookworm-slim

# git for the agent's work, ca-certificates for HTTPS, util-linux for flock (install.sh's lock).
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates util-linux \
 && rm -rf /var/lib/apt/lists/*

# The Claude Code release warden is tested against (tests/e2e); override with --build-arg.
ARG CLAUDE_CODE_VERSION=2.1.331
RUN npm install --global --no-audit --no-fund "@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}" \
 && npm cache clean --force \
 && claude --version

# A dedicated user with its home in the image; the uid is configurable so that files written to the
# mounted project belong to you (the base image's `node` user would hold uid 1000).
ARG AGENT_UID=1000
RUN userdel --remove node \
 && useradd --create-home --uid "${AGENT_UID}" --user-group --shell /bin/bash agent \
 && mkdir /work && chown agent:agent /work

COPY --chown=agent:agent . /opt/warden

USER agent
ENV HOME=/home/agent \
    PATH=/home/agent/.local/bin:$PATH

# install.sh: dependencies, bundles, hooks in ~/.claude/settings.json, the `warden` command. doctor
# fails the build unless warden is really guarding Claude Code (its self-test runs the hook). The
# installed hooks do not need the clone's node_modules, so they go. The journal and gate
# directories exist up front, private, so that named volumes mounted there keep their modes.
WORKDIR /opt/warden
RUN ./install.sh \
 && warden doctor \
 && rm -rf node_modules "$HOME/.npm" \
 && mkdir -p -m 700 "$HOME/.claude/warden/journal" "$HOME/.claude/warden/gate"

WORKDIR /work
VOLUME ["/work"]
ENTRYPOINT ["claude"]
CMD ["--dangerously-skip-permissions"]
