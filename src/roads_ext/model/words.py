"""Words the people reader knows: name particles, institutions' words, and the words of
titles and programs that a person's name is never made of. Knows nothing of Sphinx.

A name is two to five capitalised words (``model.pasted.name_like``); a capitalised title
(``Learning Without Tears``, ``Node-Level Track``) looks the same, and these lists tell it
apart. They are vocabularies, not a list of forms: a word belongs here when it is common in
titles or programs and rare in names.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: particles of names, lower case in them: van, de, bin
PARTICLES = _words(
    """
    van von de der den da di del della le la du bin al el dos das y ter zu
    """
)

#: words of institutions: a part with one of them is an affiliation, not a person
INSTITUTION_WORDS = _words(
    """
    university universität université universidad università univ institute institut instituto
    college school lab labs laboratory laboratories research inc corp corporation company ltd
    llc gmbh center centre foundation academy polytechnic technology technologies tech hospital
    department ai deepmind google microsoft amazon meta nvidia apple ibm intel openai facebook
    adobe baidu alibaba tencent huawei samsung mosaic mosaicml systems sciences national
    polytechnique eth epfl
    """
)

#: words found in talk titles and hardly ever in names
TITLE_WORDS = _words(
    """
    the a an of for and in on to with via towards toward from at by is are how why what when
    beyond into learning learned model models efficient efficiency training networks network
    neural data deep large language scale scaling sparse sparsity inference optimization graph
    graphs memory compute hardware algorithm algorithms structures attention transformer
    transformers remarks break session talk talks keynote panel discussion poster posters lunch
    coffee welcome opening closing introduction awards award social reception workshop future
    open problems challenges lessons new fast faster scalable retrieval search index hashing
    compression quantization pruning distillation generative foundation agents vision robust
    robustness theory practice approach methods method analysis ml llm llms gpu gpus tpu
    """
)

#: more words of titles, sessions and programs that a name is never made of (words that are
#: also common names, Long, Law, Strong, Green, Best, Young, are left out on purpose)
PROGRAM_VOCABULARY = _words(
    """
    we our your you it its this that these those not yes
    denoising profiling computing reasoning planning serving scaling training learning pruning
    quantizing distilling sampling searching ranking indexing hashing sketching caching batching
    sharding routing scheduling compiling optimizing benchmarking evaluating measuring
    forecasting predicting detecting tracking mapping matching filtering clustering embedding
    encoding decoding parsing generating retrieving reading writing teaching building designing
    deploying monitoring debugging testing verifying securing protecting auditing aligning
    steering controlling sensing seismic arrays array accelerating understanding rethinking
    revisiting towards bridging closing opening unlocking weak noisy false unsafe label labels
    labeled labelled tokens token context contexts prompt prompts tool tools scale scales budget
    budgets bias biases error errors noise signal signals sensor sensors grid grids energy
    weather air health care patient patients drug drugs protein proteins cell cells gene genes
    molecule molecules material crystal physics quantum circuit circuits chip memory cache layer
    layers attention mixture router routers sparse dense mixed float integer bit bits byte bytes
    faster slower cheaper better stronger smaller larger bigger smarter another different new
    empty open closed private public unfair sustainable responsible ethical artificial synthetic
    generated generative discriminative causal informal theoretical lessons beyond without
    within across against about around between among despite versus registration desk pickup
    badge badges check-in track tracks node nodes edges links task tasks dataset datasets
    benchmark benchmarks results result summary overview update updates report reports tutorial
    tutorials demo demos challenge challenges competition winners winner prize prizes team teams
    rounds recorded presentation presentations intro study studies survey review perspective
    perspectives views toward privacy fairness safety security trustworthy alignment
    interpretability explainability causality control policy policies reinforcement agent
    agentic autonomous embodied robot robots robotics language speech audio video image images
    text code program programs programming software systems system computation computational
    distributed parallel federated decentralized streaming online offline adaptive automatic
    automated unified general generalization transfer continual lifelong meta multi multimodal
    cross self supervised unsupervised semi contrastive representation representations
    embeddings kernel kernels matrix tensor tensors vector vectors trees hash sketch sketches
    sample samples estimation inference prediction predictions classification regression
    recommendation recommender retrieval-augmented generation diffusion flows bayesian
    probabilistic statistical stochastic gradient gradients descent loss losses optimizer
    optimizers convex nonconvex precision quantized pruned compressed compressing efficient
    scalable lightweight massive costly worse learned learns learn trained train fine-tuning
    tuning lesson notes note gaps frontier frontiers worlds science engineering theory theories
    empirical practice principles principle foundations foundation fundamentals basics primer
    hands-on source sources shared joint global local progress advances emerging generations
    modern classic classical hybrid humans machine machines intelligence neural symbolic
    knowledge graph graphs database databases query queries storage caches hardware accelerator
    accelerators chips compiler compilers runtime deployment cloud mobile device devices cluster
    clusters network networks internet web search engine engines index indexes indices structure
    structures algorithm algorithms complexity analysis evaluation metrics metric measure test
    tests verification validation observability medical clinical biology biological chemistry
    molecular materials climate finance economics social society education learning-based data-
    driven data-centric model-based large-scale real-time world-class keynote plenary invited
    contributed oral spotlight lightning poster posters panel discussion debate session sessions
    welcome break coffee lunch dinner reception remarks award awards ceremony announcement
    announcements q&a questions answers chat fireside conversation dialogue interview workshop
    workshops conference symposium meeting forum summit day days morning afternoon evening night
    week part section chapter series episode volume issue special extended invited-talk through
    under over vs than along behind below during inside outside since until upon
    """
)
