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

#: more words of titles, sessions and programs that a name is never made of
PROGRAM_VOCABULARY = _words(
    """
    registration desk pickup badge badges check-in track tracks level node nodes edge edges link
    links task tasks dataset datasets benchmark benchmarks results result summary overview
    update updates report reports tutorial tutorials demo demos challenge challenges competition
    winners winner prize prizes team teams round rounds live recorded presentation presentations
    intro case study studies survey review perspective perspectives view views vision toward
    beyond against privacy fairness safety security trust trustworthy alignment interpretability
    explainability causal causality reasoning planning control policy policies reinforcement
    agent agentic autonomous embodied robot robots robotics language speech audio video image
    images text code program programs programming software systems system computing computation
    computational distributed parallel federated decentralized streaming online offline adaptive
    automatic automated unified general generalization transfer continual lifelong meta multi
    multimodal cross self supervised unsupervised semi contrastive representation
    representations embedding embeddings kernel kernels matrix tensor tensors vector vectors
    tree trees hash sketch sketches sampling sample samples estimation inference prediction
    predictions forecasting classification regression ranking recommendation recommender
    retrieval-augmented generation diffusion flow flows score energy bayesian probabilistic
    statistical stochastic gradient gradients descent loss losses optimizer optimizers convex
    nonconvex sparse dense low rank precision mixed quantized quantizing pruned compressed
    compressing efficient scalable lightweight tiny small big huge massive mega giant long short
    deep shallow wide narrow fast slow cheap costly better best worse towards rethinking
    revisiting understanding learning learned learns learn training trained train fine-tuning
    tuning scaling laws law lessons lesson notes note story stories journey road roads path
    paths bridge bridges gap gaps frontier frontiers future present past age era world worlds
    science engineering theory theories empirical practical practice principles principle
    foundations foundation fundamentals basics primer guide hands-on open closed source sources
    public private shared joint global local state art progress advances emerging new next
    generations modern classic classical hybrid human humans machine machines intelligence
    artificial neural symbolic knowledge graph graphs database databases query queries storage
    memory cache caches caching hardware accelerator accelerators chip chips compiler compilers
    runtime serving deployment cloud mobile device devices cluster clusters network networks
    internet web search engine engines index indexes indices structure structures algorithm
    algorithms complexity analysis evaluation evaluating measuring metrics metric measure
    testing test tests verification validation debugging monitoring observability health medical
    clinical biology biological chemistry molecular materials climate physics finance economics
    social society education learning-based data-driven data-centric model-based large-scale
    real-time real world-class keynote plenary invited contributed oral spotlight lightning
    poster posters panel discussion debate session sessions opening closing welcome break coffee
    lunch dinner reception remarks award awards ceremony announcement announcements q&a
    questions answers chat fireside conversation dialogue interview workshop workshops
    conference symposium meeting forum summit day days morning afternoon evening night week part
    section chapter series episode volume issue special extended invited-talk without through
    under over about can do does we our your you it its this that not no yes vs versus than
    across along among around behind below between during inside outside since until upon within
    """
)
