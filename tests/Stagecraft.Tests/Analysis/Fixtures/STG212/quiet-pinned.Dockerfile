FROM node:20-slim
RUN npm install -g npm@10.5.0 @scope/pkg@1.2.3 corepack@latest \
    && npm install github:org/repo#v1.0.0 org/tool#3f2a1b9 git+https://github.com/org/lib.git#v2 \
    && npm install ./local-pkg file:../shared /tmp/pkg.tgz \
    && npm install --registry https://registry.example.com left-pad@1.3.0
